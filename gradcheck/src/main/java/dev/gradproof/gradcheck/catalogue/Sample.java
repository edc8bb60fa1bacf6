package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.function.AutogradFunction;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Input;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A sample of the catalogue: a point, the function there, and fresh checks of it on demand. */
final class Sample implements OpSample {

    private final String label;
    private final boolean tricky;
    private final Spec spec;
    private final long seed;
    private final List<Input> inputs;
    private final Set<String> data;
    private final SampleSet.Target target;

    Sample(String label, boolean tricky, Spec spec, long seed, List<Input> inputs, Set<String> data,
           SampleSet.Target target) {
        this.label = label;
        this.tricky = tricky;
        this.spec = spec;
        this.seed = seed;
        this.inputs = List.copyOf(inputs);
        // in the order given, so that the replay line's exclude(...) is the same in every run
        this.data = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(data));
        this.target = target;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean tricky() {
        return tricky;
    }

    @Override
    public GradCheck gradCheck() {
        return configure(target.module() != null ? GradCheck.of(target.module()) : GradCheck.of(target.autograd()));
    }

    @Override
    public Optional<GradCheck> gradGradCheck() {
        if (!spec.secondOrder()) {
            return Optional.empty();
        }
        ModuleFunction module = target.module();
        return Optional.of(configure(module != null ? GradCheck.gradgrad(module, module.secondOrder())
                : GradCheck.gradgrad(target.autograd())));
    }

    private GradCheck configure(GradCheck check) {
        inputs.forEach(check::input);
        check.exclude(data.toArray(new String[0])).op(spec.name()).label(label).seed(seed);
        for (ToleranceOverride o : spec.toleranceOverrides()) {
            o.applyTo(check);
        }
        return check;
    }

    @Override
    public List<Input> inputs() {
        return inputs;
    }

    @Override
    public Set<String> dataInputs() {
        return data;
    }

    @Override
    public CheckedFunction function() {
        if (target.module() != null) {
            return target.module();
        }
        return new AutogradFunction(target.autograd(), inputs.stream().map(Input::name).toList(),
                inputs.stream().map(Input::shape).toList());
    }

    @Override
    public Optional<SampleCall> call() {
        return Optional.ofNullable(target.call());
    }

    @Override
    public Optional<ElementwiseOracle> oracle() {
        return Optional.ofNullable(target.oracle());
    }

    @Override
    public String toString() {
        return label;
    }
}
