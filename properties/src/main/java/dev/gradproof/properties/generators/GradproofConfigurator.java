package dev.gradproof.properties.generators;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.configurators.ArbitraryConfiguratorBase;

/**
 * Applies {@link Rank}, {@link ValueRange} and {@link AwayFromKinks} to gradproof's shape and tensor
 * arbitraries; registered through {@code META-INF/services/net.jqwik.api.configurators.ArbitraryConfigurator}.
 * The range is applied before the margin (jqwik applies configurators in parameter annotation
 * order; {@link TensorArbitrary} keeps both settings whichever comes first).
 */
public class GradproofConfigurator extends ArbitraryConfiguratorBase {

    public Arbitrary<?> configure(ShapeArbitrary shapes, Rank rank) {
        return shapes.rank(rank.min(), rank.max());
    }

    public Arbitrary<?> configure(TensorArbitrary tensors, Rank rank) {
        return tensors.rank(rank.min(), rank.max());
    }

    public Arbitrary<?> configure(TensorArbitrary tensors, ValueRange range) {
        return tensors.values(range.min(), range.max());
    }

    public Arbitrary<?> configure(TensorArbitrary tensors, AwayFromKinks kinks) {
        return tensors.awayFromKinks(kinks.margin());
    }
}
