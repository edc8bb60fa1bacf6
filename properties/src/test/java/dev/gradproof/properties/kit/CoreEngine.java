package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.ForwardingAdapter;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;

import java.util.List;
import java.util.function.BiFunction;

/**
 * autograd-core behind an adapter whose declaration, known faults and one op can be replaced: the
 * test engines of the catalogue run's tests.
 */
class CoreEngine extends ForwardingAdapter<Variable> {

    private final Capabilities declared;
    private final List<KnownFault> faults;
    private final String replaced;
    private final BiFunction<OpCall, Variable, Variable> replacement;

    CoreEngine(Capabilities declared, List<KnownFault> faults, String replaced,
               BiFunction<OpCall, Variable, Variable> replacement) {
        super(new AutogradCoreAdapter());
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
    static Variable tanhWithWrongBackward(OpCall call, Variable x) {
        Variable t = x.tanh().detach();
        Variable slope = Variable.constant(t.value().map(v -> 1.5 * (1 - v * v)));
        Variable xs = x.mul(slope);
        return t.add(xs.sub(xs.detach()));
    }

    /**
     * ELU as PyTorch computes it, {@code alpha (e^x - 1)} below 0 rather than {@code alpha expm1(x)}:
     * right in exact arithmetic, rounded on the scale of alpha where x is tiny.
     */
    static Variable eluWithoutExpm1(OpCall call, Variable x) {
        Variable below = x.sub(x.relu()); // min(x, 0), with the slope 1 at 0 (a subgradient of ELU there)
        return x.relu().add(below.exp().add(-1.0).mul(call.scalar()));
    }

    /**
     * GELU as PyTorch computes it, {@code x (1 + erf(x / sqrt 2)) / 2}: the normal distribution
     * function shifted by 1/2 and back, so that it cancels to 0 in the far left tail as {@code 1 + erf} does.
     */
    static Variable geluThroughAHalf(OpCall call, Variable x) {
        return x.mul(x.normalCdf().add(-0.5).add(0.5));
    }

    @Override
    public String name() {
        return replaced == null ? "autograd-core (test adapter)" : "autograd-core with its " + replaced + " replaced";
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
    public Variable apply(OpCall call, List<Variable> inputs) {
        return call.op().equals(replaced) ? replacement.apply(call, inputs.get(0)) : delegate.apply(call, inputs);
    }

}
