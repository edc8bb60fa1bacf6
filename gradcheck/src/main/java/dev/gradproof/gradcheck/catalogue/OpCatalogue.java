package dev.gradproof.gradcheck.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every differentiable op, activation and loss of autograd-core, the Linear layer and the network
 * builder, each with a seeded sampler of valid inputs, its domain, its kinks and whether second
 * order applies: PyTorch's OpInfo idea, with one correct-but-tricky sample per op.
 *
 * <pre>{@code
 * for (OpSpec spec : OpCatalogue.specs()) {
 *     for (OpSample sample : spec.samples(42)) {
 *         GradCheckResult first = sample.gradCheck().check();
 *         sample.gradGradCheck().ifPresent(GradCheck::check);
 *     }
 * }
 * }</pre>
 *
 * <p>{@link CoreApi#uncovered} lists the members of autograd-core no spec covers; the catalogue's
 * tests keep it empty, so a new op cannot land unchecked.
 */
public final class OpCatalogue {

    private static final Map<String, OpSpec> SPECS = build();

    private OpCatalogue() {
    }

    private static Map<String, OpSpec> build() {
        List<Spec> all = new ArrayList<>();
        all.addAll(ArithmeticSpecs.all());
        all.addAll(ShapeSpecs.all());
        all.addAll(ActivationSpecs.all());
        all.addAll(LossSpecs.all());
        all.addAll(NnSpecs.all());
        Map<String, OpSpec> byName = new LinkedHashMap<>();
        for (Spec spec : all) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalStateException("op catalogue: two specs named " + spec.name());
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Every spec, in a stable order (arithmetic, shapes, activations, losses, nn), with unique names. */
    public static List<OpSpec> specs() {
        return List.copyOf(SPECS.values());
    }

    /** The spec of that name. */
    public static Optional<OpSpec> spec(String name) {
        return Optional.ofNullable(SPECS.get(name));
    }
}
