package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.catalogue.OpCatalogue;
import dev.gradproof.gradcheck.catalogue.OpSample;
import dev.gradproof.gradcheck.catalogue.OpSpec;

import dev.gradproof.reports.source.CheckSource;
import dev.gradproof.reports.source.PlannedCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * gradcheck's op catalogue as the command's default source of checks: every sample of every spec,
 * first order, and second order where the spec says it applies.
 */
public final class CatalogueSource implements CheckSource {

    @Override
    public List<PlannedCheck> checks(long seed) {
        List<PlannedCheck> planned = new ArrayList<>();
        for (OpSpec spec : OpCatalogue.specs()) {
            planned.addAll(plan(spec, seed));
        }
        return planned;
    }

    @Override
    public List<String> describe(long seed) {
        return OpCatalogue.specs().stream().map(CatalogueSource::describe).toList();
    }

    static String describe(OpSpec spec) {
        String inputs = spec.arity() == OpSpec.VARIADIC ? "any number of inputs"
                : spec.arity() + (spec.arity() == 1 ? " input" : " inputs");
        return spec.name() + " (" + inputs + "): " + spec.domain()
                + (spec.kinks().isEmpty() ? "" : "; kinks: " + String.join(", ", spec.kinks().stream().map(Object::toString).toList()))
                + (spec.secondOrder() ? "; second order" : "");
    }

    /** The checks of one op's samples. */
    static List<PlannedCheck> plan(OpSpec spec, long seed) {
        List<PlannedCheck> planned = new ArrayList<>();
        for (OpSample sample : spec.samples(seed)) {
            planned.add(new PlannedCheck(spec.name(), sample.label(), false, sample::gradCheck));
            if (sample.gradGradCheck().isPresent()) {
                planned.add(new PlannedCheck(spec.name(), sample.label() + " (second order)", false,
                        () -> sample.gradGradCheck().orElseThrow()));
            }
        }
        return planned;
    }
}
