package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * autograd-core behind an adapter whose declaration, known faults and one op can be replaced: the
 * test engines of the catalogue run's tests.
 */
class CoreEngine implements AutogradAdapter<Variable> {

    private final AutogradCoreAdapter core = new AutogradCoreAdapter();
    private final Capabilities declared;
    private final List<KnownFault> faults;
    private final String replaced;
    private final UnaryOperator<Variable> replacement;

    CoreEngine(Capabilities declared, List<KnownFault> faults, String replaced, UnaryOperator<Variable> replacement) {
        this.declared = declared;
        this.faults = faults;
        this.replaced = replaced;
        this.replacement = replacement;
    }

    /** autograd-core as it is. */
    static CoreEngine asIs(Capabilities declared) {
        return new CoreEngine(declared, List.of(), null, null);
    }

    /**
     * tanh with a deliberately wrong backward: the value of {@code tanh(x)} exactly, the slope
     * {@code 1.5 (1 - tanh(x)^2)}: {@code t + (x s - detach(x s))} with {@code s} a constant.
     */
    static Variable tanhWithWrongBackward(Variable x) {
        Variable t = x.tanh().detach();
        Variable slope = Variable.constant(t.value().map(v -> 1.5 * (1 - v * v)));
        Variable xs = x.mul(slope);
        return t.add(xs.sub(xs.detach()));
    }

    @Override
    public String name() {
        return replaced == null ? "autograd-core (test adapter)" : "autograd-core with a wrong " + replaced + " backward";
    }

    @Override
    public Set<String> ops() {
        return core.ops();
    }

    @Override
    public Set<Capability> capabilities() {
        return core.capabilities();
    }

    @Override
    public Capabilities declared() {
        return declared;
    }

    @Override
    public List<KnownFault> knownFaults() {
        return faults;
    }

    @Override
    public Variable leaf(String name, DenseArray value) {
        return core.leaf(name, value);
    }

    @Override
    public Variable constant(String name, DenseArray value) {
        return core.constant(name, value);
    }

    @Override
    public Variable apply(OpCall call, List<Variable> inputs) {
        return call.op().equals(replaced) ? replacement.apply(inputs.get(0)) : core.apply(call, inputs);
    }

    @Override
    public void backward(Variable output, DenseArray upstream) {
        core.backward(output, upstream);
    }

    @Override
    public DenseArray value(Variable node) {
        return core.value(node);
    }

    @Override
    public DenseArray grad(Variable node) {
        return core.grad(node);
    }

    @Override
    public List<Variable> gradientsWithGraph(Variable output, List<Variable> inputs) {
        return core.gradientsWithGraph(output, inputs);
    }
}
