package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.catalogue.OpCatalogue;
import dev.gradproof.gradcheck.catalogue.OpSample;
import dev.gradproof.gradcheck.catalogue.OpSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * gradcheck's op catalogue as the command's source of op checks: every sample of a spec, first
 * order, and second order where the spec says it applies. Registered in
 * {@code META-INF/services/dev.gradproof.reports.cli.OpSource}.
 */
public final class CatalogueSource implements OpSource {

    @Override
    public List<String> names() {
        return OpCatalogue.specs().stream().map(OpSpec::name).toList();
    }

    @Override
    public List<String> describe() {
        return OpCatalogue.specs().stream().map(CatalogueSource::describe).toList();
    }

    static String describe(OpSpec spec) {
        String inputs = spec.arity() == OpSpec.VARIADIC ? "any number of inputs"
                : spec.arity() + (spec.arity() == 1 ? " input" : " inputs");
        return spec.name() + " (" + inputs + "): " + spec.domain()
                + (spec.kinks().isEmpty() ? "" : "; kinks: " + String.join(", ", spec.kinks().stream().map(Object::toString).toList()))
                + (spec.secondOrder() ? "; second order" : "");
    }

    @Override
    public List<PlannedCheck> plan(String op, long seed) {
        OpSpec spec = OpCatalogue.spec(op)
                .orElseThrow(() -> new IllegalArgumentException("the op catalogue has no op " + op));
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
