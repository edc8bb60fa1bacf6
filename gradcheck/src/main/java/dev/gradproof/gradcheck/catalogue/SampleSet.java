package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.function.Input;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Collects the samples of one spec for one seed: the random source every value is drawn from, and
 * the labels, made of the spec's name, the input shapes and a description.
 */
final class SampleSet {

    /** A named input of a sample; {@code data} inputs (a network's {@code x}) are excluded from the checks. */
    record In(String name, Tensor value, boolean data) {
        /** A differentiated input. */
        static In of(String name, Tensor value) {
            return new In(name, value, false);
        }

        /** A data input, passed to the function but not differentiated. */
        static In data(String name, Tensor value) {
            return new In(name, value, true);
        }
    }

    /**
     * What a sample checks: an autograd-core function (possibly an elementwise op with its oracle) or
     * an nn module, and the engine-neutral description of the same computation when the contract
     * kit's vocabulary has its op (null otherwise: a module, a permutation).
     */
    record Target(Function<List<Variable>, Variable> autograd, ElementwiseOracle oracle, ModuleFunction module,
                  SampleCall call) {
        /** A function of autograd-core variables that no engine-neutral call describes. */
        static Target of(Function<List<Variable>, Variable> function) {
            return new Target(function, null, null, null);
        }

        /** A function of autograd-core variables and the call that describes it to any engine. */
        static Target of(Function<List<Variable>, Variable> function, SampleCall call) {
            return new Target(function, null, null, call);
        }

        /** An elementwise op, checked as a function and against its oracle, and its call. */
        static Target elementwise(ElementwiseOracle oracle, SampleCall call) {
            return new Target(oracle::apply, oracle, null, call);
        }

        /** An nn module checked through the parameters it owns. */
        static Target module(ModuleFunction module) {
            return new Target(null, null, module, null);
        }
    }

    private final Spec spec;
    private final long seed;
    private final Random random;
    private final List<OpSample> samples = new ArrayList<>();

    SampleSet(Spec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
        this.random = new Random(seed * 0x9E3779B97F4A7C15L + spec.name().hashCode());
    }

    /** The random source of this spec's values for the seed. */
    Random random() {
        return random;
    }

    /** Adds an ordinary sample. */
    SampleSet add(String description, Target target, In... inputs) {
        return add(description, false, target, inputs);
    }

    /** Adds the spec's correct-but-tricky sample. */
    SampleSet tricky(String description, Target target, In... inputs) {
        return add(description, true, target, inputs);
    }

    /** Adds a sample, the tricky one if {@code tricky}. */
    SampleSet add(String description, boolean tricky, Target target, In... inputs) {
        List<Input> list = new ArrayList<>();
        Set<String> data = new LinkedHashSet<>();
        StringJoiner shapes = new StringJoiner(" & ");
        for (In in : inputs) {
            list.add(Input.of(in.name(), in.value().toArray(), in.value().dims()));
            if (in.data()) {
                data.add(in.name());
            } else {
                shapes.add(in.value().shape().toString());
            }
        }
        String shapeText = inputs.length <= 3 ? " " + shapes : "";
        String label = spec.name() + shapeText + " " + description;
        samples.add(new Sample(label, tricky, spec, seed, list, data, target));
        return this;
    }

    /**
     * The samples.
     *
     * @throws IllegalStateException unless exactly one is tricky and every label is unique
     */
    List<OpSample> samples() {
        long tricky = samples.stream().filter(OpSample::tricky).count();
        if (tricky != 1) {
            throw new IllegalStateException(spec.name() + ": " + tricky + " tricky samples, expected exactly one");
        }
        Set<String> labels = new LinkedHashSet<>();
        for (OpSample s : samples) {
            if (!labels.add(s.label())) {
                throw new IllegalStateException(spec.name() + ": two samples labelled \"" + s.label() + "\"");
            }
        }
        return List.copyOf(samples);
    }
}
