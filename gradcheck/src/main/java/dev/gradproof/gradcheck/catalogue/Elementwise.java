package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.catalogue.SampleSet.In;
import dev.gradproof.gradcheck.catalogue.SampleSet.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The sampling plan every elementwise op shares: unary ops in every rank, zero size, large and tiny
 * magnitudes and the kink; binary ops also in every broadcasting pair (scalar, row and column with a
 * matrix, a column with a row). Values come from the op's {@link Domain}.
 */
final class Elementwise {

    /** Draws a tensor of a shape. */
    @FunctionalInterface
    interface Draw {
        Tensor draw(Random random, int... shape);
    }

    /**
     * Where an op is checked: its typical values, its large and its tiny magnitudes.
     *
     * @param text    the domain, human-readable
     * @param typical ordinary values
     * @param large   large magnitudes inside the domain
     * @param tiny    tiny magnitudes inside the domain
     */
    record Domain(String text, Draw typical, Draw large, Draw tiny) {
    }

    /** All reals: typical values in [-3, 3), magnitudes 1e2 to 1e5 and 1e-9 to 1e-6 of both signs. */
    static final Domain REALS = reals(1e2, 1e5);

    /** {@code x > 0}: typical values in [0.05, 20), magnitudes 1e3 to 1e8, and 1e-4 to 1e-2 (a hundred steps from 0 and more). */
    static final Domain POSITIVE = new Domain("x > 0", (r, s) -> Values.uniform(r, 0.05, 20, s),
            (r, s) -> Values.magnitudes(r, 1e3, 1e8, false, s), (r, s) -> Values.magnitudes(r, 1e-4, 1e-2, false, s));

    /** {@code x != 0}: |x| in [0.2, 5), magnitudes 1e3 to 1e6, and 1e-3 to 1e-2 (a thousand steps from the pole). */
    static final Domain NONZERO = new Domain("x != 0 (|x| >= 1e-3 in the samples)",
            (r, s) -> Values.awayFromZero(r, 0.2, 5, s), (r, s) -> Values.magnitudes(r, 1e3, 1e6, true, s),
            (r, s) -> Values.magnitudes(r, 1e-3, 1e-2, true, s));

    private Elementwise() {
    }

    /** All reals, with large magnitudes from {@code lo} to {@code hi} (ops such as exp overflow beyond a few hundred). */
    static Domain reals(double lo, double hi) {
        return reals("all reals", lo, hi);
    }

    /** As {@link #reals(double, double)}, described by {@code text}. */
    static Domain reals(String text, double lo, double hi) {
        return new Domain(text, (r, s) -> Values.uniform(r, -3, 3, s),
                (r, s) -> Values.magnitudes(r, lo, hi, true, s), (r, s) -> Values.magnitudes(r, 1e-9, 1e-6, true, s));
    }

    /**
     * One variant of a parameterized op ({@code x.pow(2.5)}, {@code x.leakyRelu(0.2)}).
     *
     * @param note   how the label names it ({@code "p = 2.5"}), empty for an op without parameters
     * @param oracle the op with these parameters and its oracle
     * @param call   the same op and parameters described for any engine
     */
    record Variant(String note, ElementwiseOracle oracle, SampleCall call) {
        String suffix() {
            return note.isEmpty() ? "" : ", " + note;
        }
    }

    /** The plan of a unary op; {@link #build()} makes the spec. */
    static final class Unary {
        private final String name;
        private final String member;
        private final List<Variant> variants = new ArrayList<>();
        private Domain domain = REALS;
        private final List<Kink> kinks = new ArrayList<>();
        private Double kink;
        private String trickyText;
        private Function<Random, Tensor> tricky;
        private int trickyVariant;

        Unary(String name, String member, ElementwiseOracle oracle) {
            this(name, member, new Variant("", oracle, SampleCall.of(name, 1)));
        }

        Unary(String name, String member, Variant... variants) {
            this.name = name;
            this.member = member;
            this.variants.addAll(List.of(variants));
        }

        Unary domain(Domain newDomain) {
            this.domain = newDomain;
            return this;
        }

        /** A kink of {@code op} at {@code at}; the samples include values at and near it. */
        Unary kink(double at, String op, String where) {
            this.kink = at;
            this.kinks.add(new Kink(op, where));
            return this;
        }

        /** A kink of {@code op} that is not at a point of the input alone (described only). */
        Unary kinkNote(String op, String where) {
            this.kinks.add(new Kink(op, where));
            return this;
        }

        /**
         * The tricky sample on the kink declared by {@link #kink}: every element on it but one, 1.5
         * away, so that the kinks are met and one element is compared ({@link Values#onTheKinkButOne}).
         */
        Unary trickyOnTheKink() {
            double at = kink;
            String x = at == Math.rint(at) ? Long.toString((long) at) : Double.toString(at);
            return tricky("at the kink x = " + x + " exactly, but one element at 1.5",
                    r -> Values.onTheKinkButOne(at, 1.5, 2, 3));
        }

        Unary tricky(String text, Function<Random, Tensor> value) {
            return tricky(text, 0, value);
        }

        /** The tricky sample, checked with the given variant. */
        Unary tricky(String text, int variant, Function<Random, Tensor> value) {
            this.trickyText = text;
            this.trickyVariant = variant;
            this.tricky = value;
            return this;
        }

        Spec build() {
            return new Spec(name, 1, domain.text(), kinks, List.of(member), this::sample);
        }

        private void sample(SampleSet set) {
            Random r = set.random();
            int[][] shapes = {{}, {5}, {3, 4}, {2, 2, 3}, {0, 3}};
            for (int i = 0; i < shapes.length; i++) {
                Variant variant = variants.get(i % variants.size());
                set.add(ShapeSpecs.rankName(shapes[i]) + variant.suffix(), target(variant),
                        In.of("x", domain.typical().draw(r, shapes[i])));
            }
            for (Variant variant : variants) {
                set.add("large magnitudes" + variant.suffix(), target(variant), In.of("x", domain.large().draw(r, 2, 3)));
                set.add("tiny magnitudes" + variant.suffix(), target(variant), In.of("x", domain.tiny().draw(r, 2, 3)));
                if (kink != null) {
                    set.add("at and near the kink" + variant.suffix(), target(variant), In.of("x", Values.around(kink, 3, 4)));
                }
            }
            Variant variant = variants.get(trickyVariant);
            set.tricky(trickyText + variant.suffix(), target(variant), In.of("x", tricky.apply(r)));
        }

        private static Target target(Variant variant) {
            return Target.elementwise(variant.oracle(), variant.call());
        }
    }

    /** The plan of a binary op; {@link #build()} makes the spec. */
    static final class Binary {
        private final String name;
        private final String member;
        private final ElementwiseOracle oracle;
        private String domainText = "all reals";
        private Domain first = REALS;
        private Domain second = REALS;
        private final List<Kink> kinks = new ArrayList<>();
        private boolean ties;
        private String trickyText;
        private Function<Random, In[]> tricky;
        private boolean fork;

        Binary(String name, String member, ElementwiseOracle oracle) {
            this.name = name;
            this.member = member;
            this.oracle = oracle;
        }

        /** Different domains for the two arguments (a denominator away from 0). */
        Binary domains(String text, Domain a, Domain b) {
            this.domainText = text;
            this.first = a;
            this.second = b;
            return this;
        }

        /** The op has a kink where its arguments tie; the samples include ties and near ties. */
        Binary ties(String op, String where) {
            this.ties = true;
            this.kinks.add(new Kink(op, where));
            return this;
        }

        Binary tricky(String text, Function<Random, In[]> inputs) {
            this.trickyText = text;
            this.tricky = inputs;
            return this;
        }

        /** The tricky sample is a fork: one matrix {@code x} on both sides, {@code op(x, x)}. */
        Binary trickyFork(String text) {
            this.trickyText = text;
            this.fork = true;
            return this;
        }

        Spec build() {
            return new Spec(name, 2, domainText, kinks, List.of(member), this::sample);
        }

        private void sample(SampleSet set) {
            Random r = set.random();
            SampleCall call = SampleCall.of(name, 2);
            Target t = Target.elementwise(oracle, call);
            int[][][] pairs = {
                {{}, {}}, {{5}, {5}}, {{3, 4}, {3, 4}}, {{2, 2, 3}, {2, 2, 3}},
                {{}, {3, 4}}, {{3, 4}, {}}, {{4}, {3, 4}}, {{3, 4}, {3, 1}}, {{3, 1}, {4}}, {{2, 2, 3}, {2, 1, 3}},
                {{0, 3}, {3}}};
            String[] names = {
                "scalars", "vectors", "matrices", "rank 3", "scalar with matrix", "matrix with scalar",
                "row with matrix", "matrix with column", "column with row", "rank 3 with a broadcast axis",
                "zero-size with row"};
            for (int p = 0; p < pairs.length; p++) {
                set.add(names[p], t, In.of("a", first.typical().draw(r, pairs[p][0])),
                        In.of("b", second.typical().draw(r, pairs[p][1])));
            }
            set.add("large magnitudes", t, In.of("a", first.large().draw(r, 2, 3)), In.of("b", second.large().draw(r, 2, 3)));
            set.add("tiny magnitudes", t, In.of("a", first.tiny().draw(r, 2, 3)), In.of("b", second.tiny().draw(r, 2, 3)));
            if (ties) {
                Tensor b = first.typical().draw(r, 3, 4);
                set.add("ties and near ties", t, In.of("a", b.plus(Values.around(0, 3, 4))), In.of("b", b));
            }
            if (fork) {
                set.tricky(trickyText, Target.of(v -> oracle.apply(List.of(v.get(0), v.get(0))), call.onInputs(0, 0)),
                        In.of("x", first.typical().draw(r, 3, 4)));
            } else {
                set.tricky(trickyText, t, tricky.apply(r));
            }
        }
    }
}
