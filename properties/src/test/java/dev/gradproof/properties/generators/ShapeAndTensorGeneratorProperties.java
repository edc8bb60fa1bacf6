package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.statistics.Statistics;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape and tensor generators: their ranges, their bias to small dimensions, and that
 * {@code @ForAll Shape} and {@code @ForAll Tensor} work from the registered provider, from the
 * domain and with the annotations.
 */
class ShapeAndTensorGeneratorProperties {

    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    void shapesHaveRank0To4AndDimensions0To6BiasedSmall(@ForAll Shape shape) {
        assertThat(shape.rank()).isBetween(0, 4);
        for (int d : shape.dims()) {
            assertThat(d).isBetween(0, 6);
            Statistics.label("dimension").collect(d <= 2 ? "0..2" : "3..6");
        }
        Statistics.label("rank").collect(shape.rank());
        Statistics.label("rank").coverage(c -> {
            for (int rank = 0; rank <= 4; rank++) {
                c.check(rank).percentage(p -> p >= 5);
            }
        });
        // 3 of the 7 dimensions are small: uniform draws would make them 43 %; the bias makes more
        Statistics.label("dimension").coverage(c -> c.check("0..2").percentage(p -> p >= 50));
        Statistics.label("empty").collect(shape.size() == 0);
        Statistics.label("empty").coverage(c -> c.check(true).percentage(p -> p >= 1));
    }

    @Property
    void tensorsFromTheRegisteredProviderFillTheirShapeWithValuesInRange(@ForAll Tensor tensor) {
        assertThat(tensor.rank()).isBetween(0, 4);
        assertThat(tensor.toArray()).hasSize(tensor.shape().size());
        assertThat(Arrays.stream(tensor.toArray()).boxed()).allSatisfy(v -> assertThat(v).isBetween(-3.0, 3.0));
    }

    @Property
    @Domain(GradproofDomain.class)
    void theDomainProvidesTheSameTypes(@ForAll Shape shape, @ForAll Tensor tensor, @ForAll MatMulChain chain) {
        assertThat(shape.rank()).isBetween(0, 4);
        assertThat(tensor.rank()).isBetween(0, 4);
        assertThat(chain.shapes()).isNotEmpty();
    }

    @Property
    void annotationsConstrainRankAndValues(@ForAll @Rank(min = 2, max = 2) @ValueRange(min = 0.5, max = 2) Tensor matrix,
                                           @ForAll @Rank(min = 1, max = 1) Shape vector) {
        assertThat(matrix.rank()).isEqualTo(2);
        assertThat(Arrays.stream(matrix.toArray()).boxed()).allSatisfy(v -> assertThat(v).isBetween(0.5, 2.0));
        assertThat(vector.rank()).isEqualTo(1);
    }

    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    void tensorsAwayFromKinksKeepTheirMargin(@ForAll @AwayFromKinks(margin = 0.2) Tensor tensor) {
        for (double v : tensor.toArray()) {
            assertThat(Math.abs(v)).isBetween(0.2, 3.0);
            Statistics.label("sign").collect(v > 0 ? "positive" : "negative");
        }
        Statistics.label("sign").coverage(c -> {
            c.check("positive").percentage(p -> p >= 20);
            c.check("negative").percentage(p -> p >= 20);
        });
    }

    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    void broadcastPairsBroadcast(@ForAll BroadcastShapes pair) {
        Shape result = Shape.broadcast(pair.get(0), pair.get(1), "test");
        assertThat(result).isEqualTo(pair.result());
        assertThat(pair.get(0).broadcastsTo(result)).isTrue();
        assertThat(pair.get(1).broadcastsTo(result)).isTrue();
        Statistics.label("shapes").collect(pair.get(0).equals(pair.get(1)) ? "equal" : "different");
        Statistics.label("shapes").coverage(c -> c.check("different").percentage(p -> p >= 40));
    }

    @Property
    void broadcastTriplesBroadcast(@ForAll("triples") BroadcastShapes triple) {
        assertThat(triple.shapes()).hasSize(3);
        for (Shape s : triple.shapes()) {
            assertThat(s.broadcastsTo(triple.result())).as(s + " to " + triple.result()).isTrue();
        }
    }

    @Provide
    Arbitrary<BroadcastShapes> triples() {
        return GradArbitraries.broadcastTriples();
    }

    @Property
    void matmulChainsMultiply(@ForAll MatMulChain chain) {
        Tensor product = null;
        for (Shape s : chain.shapes()) {
            Tensor next = Tensor.ones(s);
            product = product == null ? next : product.matmul(next);
        }
        assertThat(product.shape()).isEqualTo(chain.result());
        assertThat(chain.shapes()).hasSizeBetween(1, 4);
        assertThat(chain.dims()).allSatisfy(d -> assertThat(d).isBetween(1, 6));
    }

    @Property
    void tensorFillRepeatsThePoolInRowMajorOrder(@ForAll @Rank(max = 3) Shape shape) {
        Tensor t = TensorArbitrary.fill(shape, java.util.List.of(1.0, 2.0, 3.0));
        double[] expected = new double[shape.size()];
        Arrays.setAll(expected, j -> 1.0 + j % 3);
        assertThat(t.toArray()).containsExactly(expected);
    }
}
