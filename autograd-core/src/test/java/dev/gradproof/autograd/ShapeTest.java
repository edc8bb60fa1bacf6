package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shapes: queries, strides and offsets, reductions and numpy broadcasting. */
class ShapeTest {

    private static Shape parse(String dims) {
        String trimmed = dims.trim();
        if (trimmed.isEmpty()) {
            return Shape.SCALAR;
        }
        return Shape.of(Arrays.stream(trimmed.split("x")).mapToInt(Integer::parseInt).toArray());
    }

    @Test
    void queries() {
        Shape s = Shape.of(2, 3, 4);
        assertThat(s.rank()).isEqualTo(3);
        assertThat(s.size()).isEqualTo(24);
        assertThat(s.dim(0)).isEqualTo(2);
        assertThat(s.dim(-1)).isEqualTo(4);
        assertThat(s.dim(-3)).isEqualTo(2);
        assertThat(s.dims()).containsExactly(2, 3, 4);
        assertThat(s.isScalar()).isFalse();
        assertThat(s.toString()).isEqualTo("[2, 3, 4]");
    }

    @Test
    void scalarShape() {
        assertThat(Shape.of()).isSameAs(Shape.SCALAR);
        assertThat(Shape.SCALAR.rank()).isZero();
        assertThat(Shape.SCALAR.size()).isEqualTo(1);
        assertThat(Shape.SCALAR.isScalar()).isTrue();
        assertThat(Shape.SCALAR.strides()).isEmpty();
        assertThat(Shape.SCALAR.offset()).isZero();
        assertThat(Shape.SCALAR.index(0)).isEmpty();
        assertThat(Shape.SCALAR.toString()).isEqualTo("[]");
    }

    @Test
    void zeroSizeDimensionsAreLegal() {
        Shape s = Shape.of(2, 0, 3);
        assertThat(s.size()).isZero();
        assertThat(s.strides()).containsExactly(0, 3, 1);
    }

    @Test
    void shapesAreImmutable() {
        int[] dims = {2, 3};
        Shape s = Shape.of(dims);
        dims[0] = 9;
        s.dims()[1] = 9;
        s.strides()[0] = 9;
        assertThat(s).isEqualTo(Shape.of(2, 3));
        assertThat(s.strides()).containsExactly(3, 1);
    }

    @Test
    void equalsAndHashCode() {
        assertThat(Shape.of(2, 3)).isEqualTo(Shape.of(2, 3)).hasSameHashCodeAs(Shape.of(2, 3));
        assertThat(Shape.of(2, 3)).isNotEqualTo(Shape.of(3, 2)).isNotEqualTo(Shape.of(2, 3, 1)).isNotEqualTo(null);
        assertThat(Shape.of(1)).isNotEqualTo(Shape.SCALAR);
    }

    @ParameterizedTest(name = "{0}: strides {1}")
    @CsvSource({"2x3x4, 12x4x1", "5, 1", "3x1x2, 2x2x1", "1x1, 1x1"})
    void rowMajorStrides(String dims, String strides) {
        assertThat(parse(dims).strides()).containsExactly(parse(strides).dims());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2x3x4", "3x1x2", "7", "1x1x1x5", "2x2x2x2"})
    void offsetAndIndexAreInverse(String dims) {
        Shape s = parse(dims);
        int[] strides = s.strides();
        for (int offset = 0; offset < s.size(); offset++) {
            int[] index = s.index(offset);
            assertThat(s.offset(index)).isEqualTo(offset);
            int viaStrides = 0;
            for (int axis = 0; axis < index.length; axis++) {
                assertThat(index[axis]).isBetween(0, s.dim(axis) - 1);
                viaStrides += index[axis] * strides[axis];
            }
            assertThat(viaStrides).isEqualTo(offset);
        }
    }

    @Test
    void offsetOfAnExampleIndex() {
        assertThat(Shape.of(2, 3, 4).offset(1, 2, 3)).isEqualTo(23);
        assertThat(Shape.of(2, 3, 4).index(13)).containsExactly(1, 0, 1);
    }

    @ParameterizedTest(name = "{0} axis {1} keepdims {2}")
    @CsvSource({
        "2x3x4, 0, false, 3x4", "2x3x4, 1, true, 2x1x4", "2x3x4, -1, false, 2x3",
        "5, 0, false, ''", "5, 0, true, 1"})
    void reduceDropsOrKeepsTheAxis(String dims, int axis, boolean keepDims, String expected) {
        assertThat(parse(dims).reduce(axis, keepDims)).isEqualTo(parse(expected));
    }

    // numpy's broadcasting examples (numpy.org, "Broadcasting"), plus scalars and empty dimensions.
    @ParameterizedTest(name = "{0} with {1} is {2}")
    @CsvSource({
        "256x256x3, 3, 256x256x3",
        "8x1x6x1, 7x1x5, 8x7x6x5",
        "5x4, 1, 5x4",
        "5x4, 4, 5x4",
        "15x3x5, 15x1x5, 15x3x5",
        "15x3x5, 3x5, 15x3x5",
        "15x3x5, 3x1, 15x3x5",
        "'', 2x3, 2x3",
        "0x3, 3, 0x3",
        "0, 1, 0",
        "1, 0, 0"})
    void broadcastFollowsNumpy(String a, String b, String expected) {
        assertThat(Shape.broadcast(parse(a), parse(b), "add")).isEqualTo(parse(expected));
        assertThat(Shape.broadcast(parse(b), parse(a), "add")).isEqualTo(parse(expected));
        assertThat(parse(a).broadcastsTo(parse(expected))).isTrue();
        assertThat(parse(b).broadcastsTo(parse(expected))).isTrue();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"3, 4", "2x1, 8x4x3", "0, 2", "2x3, 3x2"})
    void numpyMismatchesDoNotBroadcast(String a, String b) {
        assertThatThrownBy(() -> Shape.broadcast(parse(a), parse(b), "mul"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("mul:", parse(a).toString(), parse(b).toString());
    }

    @Test
    void broadcastsToIsOneDirectional() {
        assertThat(Shape.of(3).broadcastsTo(Shape.of(2, 3))).isTrue();
        assertThat(Shape.of(2, 3).broadcastsTo(Shape.of(3))).isFalse();
        assertThat(Shape.of(2, 1).broadcastsTo(Shape.of(2, 5))).isTrue();
        assertThat(Shape.of(2, 5).broadcastsTo(Shape.of(2, 1))).isFalse();
        assertThat(Shape.SCALAR.broadcastsTo(Shape.of(0, 4))).isTrue();
    }
}
