package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.catalogue.Elementwise.Binary;
import dev.gradproof.gradcheck.catalogue.Elementwise.Domain;
import dev.gradproof.gradcheck.catalogue.Elementwise.Unary;
import dev.gradproof.gradcheck.catalogue.Elementwise.Variant;
import dev.gradproof.gradcheck.catalogue.SampleSet.In;
import dev.gradproof.gradcheck.catalogue.SampleSet.Target;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

import java.util.List;
import java.util.Random;

import static dev.gradproof.gradcheck.catalogue.ElementwiseOracle.binary;
import static dev.gradproof.gradcheck.catalogue.ElementwiseOracle.unary;

/** The arithmetic gates of the notes: add, mul, div and their constant forms, 1/x, e^x, log, powers, |x|, max and min. */
final class ArithmeticSpecs {

    private ArithmeticSpecs() {
    }

    static List<Spec> all() {
        return List.of(
                new Binary("add", "Variable.add(Variable)", binary(Variable::add, DerivativeStructure::add))
                        .trickyFork("x + x, one variable on both sides (the gradients add at the fork)")
                        .build(),
                new Unary("addConstant", "Variable.add(double)",
                        addConstant("c = 2.5", 2.5), addConstant("c = -1e6", -1e6), addConstant("c = 0", 0.0))
                        .tricky("values near a million shifted to near 0", 1,
                                r -> Values.uniform(r, 1e6 - 2, 1e6 + 2, 3, 4)).build(),
                new Binary("sub", "Variable.sub(Variable)", binary(Variable::sub, DerivativeStructure::subtract))
                        .trickyFork("x - x, one variable on both sides (the gradients cancel exactly)")
                        .build(),
                new Binary("mul", "Variable.mul(Variable)", binary(Variable::mul, DerivativeStructure::multiply))
                        .trickyFork("x * x, one variable on both sides (the mul gate swaps a value with itself)")
                        .build(),
                new Unary("mulConstant", "Variable.mul(double)",
                        mulConstant("a = -1.75", -1.75), mulConstant("a = 1e-8", 1e-8), mulConstant("a = 1e4", 1e4),
                        mulConstant("a = 0", 0.0))
                        .tricky("by 0, a gradient that is exactly zero everywhere", 3, r -> Values.uniform(r, -3, 3, 3, 4))
                        .build(),
                new Binary("div", "Variable.div(Variable)", binary(Variable::div, DerivativeStructure::divide))
                        .domains("a: all reals; b != 0 (|b| >= 1e-3 in the samples)", Elementwise.REALS, Elementwise.NONZERO)
                        .trickyFork("x / x, one variable on both sides (the gradient 1/x - x/x^2 is exactly 0)")
                        .build(),
                new Unary("neg", "Variable.neg()", unary(Variable::neg, DerivativeStructure::negate))
                        .tricky("values near a million", r -> Values.uniform(r, 1e6 - 2, 1e6 + 2, 3, 4)).build(),
                new Unary("reciprocal", "Variable.reciprocal()", unary(Variable::reciprocal, DerivativeStructure::reciprocal))
                        .domain(Elementwise.NONZERO)
                        .tricky("x = +-1e-4, a hundred steps from the pole (gradient 1e8)",
                                r -> Tensor.vector(1e-4, -1e-4, 1.5e-4, -1.5e-4))
                        .build(),
                new Unary("exp", "Variable.exp()", unary(Variable::exp, DerivativeStructure::exp))
                        .domain(Elementwise.reals(20, 300))
                        .tricky("x = 700, values near the largest double (1e304)", r -> Tensor.vector(700, 699.5, -700))
                        .build(),
                new Unary("log", "Variable.log()", unary(Variable::log, DerivativeStructure::log))
                        .domain(Elementwise.POSITIVE)
                        .tricky("x = 1e-4, a hundred steps from the edge of the domain (gradient 1e4)",
                                r -> Tensor.vector(1e-4, 2e-4, 1.0))
                        .build(),
                pow(),
                new Unary("square", "Variable.square()", unary(Variable::square, x -> x.multiply(x)))
                        .tricky("x = 0, where the gradient 2x is exactly 0", r -> Values.full(0, 2, 2)).build(),
                new Unary("sqrt", "Variable.sqrt()", unary(Variable::sqrt, DerivativeStructure::sqrt))
                        .domain(Elementwise.POSITIVE)
                        .tricky("x = 1e-4, a hundred steps from the edge of the domain, beside 1e8",
                                r -> Tensor.vector(1e-4, 2e-4, 1e8))
                        .build(),
                new Unary("abs", "Variable.abs()", unary(Variable::abs, ElementwiseOracle::abs))
                        .kink(0, "abs", "x = 0 (subgradient 0)")
                        .trickyOnTheKink().build(),
                new Binary("maximum", "Variable.maximum(Variable)", binary(Variable::maximum, ElementwiseOracle::maximum))
                        .ties("maximum", "a = b (a tie goes to a)")
                        .tricky("exact ties everywhere but one element", ArithmeticSpecs::ties).build(),
                new Binary("minimum", "Variable.minimum(Variable)", binary(Variable::minimum, ElementwiseOracle::minimum))
                        .ties("minimum", "a = b (a tie goes to a)")
                        .tricky("exact ties everywhere but one element", ArithmeticSpecs::ties).build());
    }

    private static Variant addConstant(String note, double c) {
        return new Variant(note, unary(x -> x.add(c), x -> x.add(c)), SampleCall.withScalar("addConstant", c));
    }

    private static Variant mulConstant(String note, double a) {
        return new Variant(note, unary(x -> x.mul(a), x -> x.multiply(a)), SampleCall.withScalar("mulConstant", a));
    }

    /** a = b everywhere but the last element, where b is 1 larger: every tie met, and one element compared. */
    private static In[] ties(Random r) {
        Tensor t = Values.uniform(r, -3, 3, 3, 4);
        double[] other = t.toArray();
        other[other.length - 1] += 1;
        return new In[] {In.of("a", t), In.of("b", Tensor.of(other, 3, 4))};
    }

    /**
     * {@code x^p}: integer exponents on all reals (negative ones away from 0), others on {@code x > 0};
     * {@code p = 0} has the gradient exactly 0.
     */
    private static Spec pow() {
        double[] exponents = {3, 2.5, -2, 0.5, -1.5, 1, 0};
        Domain[] domains = {Elementwise.REALS, Elementwise.POSITIVE, Elementwise.NONZERO, Elementwise.POSITIVE,
            Elementwise.POSITIVE, Elementwise.REALS, Elementwise.REALS};
        return new Spec("pow", 1, "integer p: all reals (x != 0 for p < 0); other p: x > 0", List.of(),
                List.of("Variable.pow(double)"), set -> {
                    Random r = set.random();
                    String[] shapes = {"scalar", "vector", "rank 3", "zero-size"};
                    int[][] dims = {{}, {5}, {2, 2, 3}, {0, 3}};
                    for (int i = 0; i < exponents.length; i++) {
                        double p = exponents[i];
                        Domain domain = domains[i];
                        Target t = Target.elementwise(unary(x -> x.pow(p), x -> x.pow(p)), SampleCall.withScalar("pow", p));
                        String note = ", p = " + p;
                        set.add("matrix" + note, t, In.of("x", domain.typical().draw(r, 3, 4)));
                        set.add("large magnitudes" + note, t, In.of("x", domain.large().draw(r, 2, 3)));
                        set.add("tiny magnitudes" + note, t, In.of("x", domain.tiny().draw(r, 2, 3)));
                        if (i < shapes.length) {
                            set.add(shapes[i] + note, t, In.of("x", domain.typical().draw(r, dims[i])));
                        }
                    }
                    set.tricky("x^3 at x = 0 and negative bases",
                            Target.elementwise(unary(x -> x.pow(3), x -> x.pow(3)), SampleCall.withScalar("pow", 3)),
                            In.of("x", Tensor.vector(0, -2, -0.5)));
                });
    }
}
