package dev.gradproof.gradcheck.catalogue;

import java.util.List;
import java.util.function.Consumer;

/**
 * A spec of the catalogue: its description and the sampler that fills a {@link SampleSet}.
 *
 * @param name               unique name
 * @param arity              tensor arguments ({@link OpSpec#VARIADIC} for any number)
 * @param domain             where the op is checked
 * @param kinks              where it is not differentiable
 * @param secondOrder        whether gradgradcheck applies
 * @param covers             the autograd-core members it checks
 * @param toleranceOverrides overrides with reasons (none is the rule)
 * @param sampler            adds the samples for a seed
 */
record Spec(String name, int arity, String domain, List<Kink> kinks, boolean secondOrder, List<String> covers,
            List<ToleranceOverride> toleranceOverrides, Consumer<SampleSet> sampler) implements OpSpec {

    /** Copies the lists. */
    Spec {
        kinks = List.copyOf(kinks);
        covers = List.copyOf(covers);
        toleranceOverrides = List.copyOf(toleranceOverrides);
    }

    /** A spec without tolerance overrides. */
    Spec(String name, int arity, String domain, List<Kink> kinks, List<String> covers, Consumer<SampleSet> sampler) {
        this(name, arity, domain, kinks, true, covers, List.of(), sampler);
    }

    @Override
    public List<OpSample> samples(long seed) {
        SampleSet set = new SampleSet(this, seed);
        sampler.accept(set);
        return set.samples();
    }
}
