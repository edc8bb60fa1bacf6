package dev.gradproof.properties.kit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every rule of the contract kit, in one place, as the Reactive Streams TCK numbers its rules: a
 * stable ID (never reused, never renumbered), the property that verifies it and a one-line
 * statement. Skips and failures name their rule ({@code KIT-201 forks accumulate...}); the
 * hundreds group the rules by theme (1 shapes and gradcheck, 2 forks, 3 gates, 4 linearity and
 * identities, 5 accumulation and constants, 6 second order, 7 determinism, 8 coverage, 9 values
 * and deep graphs).
 */
public enum Rule {
    KIT_101("gradientsHaveTheShapesOfTheirVariables", "every gradient has its variable's shape and is finite"),
    KIT_102("graphsAndNetworksPassGradcheck",
            "random graphs and networks pass gradcheck in FAST and SAMPLED mode (kinks reported, never failed)"),
    KIT_201("forksAccumulateTheBranchGradients", "a variable used by k branches gets the sum of the k branch gradients"),
    KIT_202("twiceTheGraphHasTwiceTheGradient", "f + f has twice the gradient of f, shared or computed twice"),
    KIT_203("aSharedNodeEqualsTheNodeDuplicated", "a shared node gives the gradients of the node duplicated for each use"),
    KIT_301("addGateDistributesTheUpstream", "the add gate passes the upstream to both inputs, summed over broadcast axes"),
    KIT_302("mulGateSwapsItsInputs", "the mul gate gives upstream * b to a and upstream * a to b"),
    KIT_303("maxGateRoutesTheUpstreamToTheWinner", "the max gate routes the upstream to the larger input only"),
    KIT_304("copyGateAddsTheBranchUpstreams", "a value read twice gets the sum of both upstreams"),
    KIT_401("backwardIsLinearInTheUpstream", "backward(a g1 + b g2) = a backward(g1) + b backward(g2)"),
    KIT_402("twoGraphsOfOneFunctionHaveOneGradient", "two graphs of one function (the identities) have one gradient"),
    KIT_403("reluIsASpecialCaseOfMaxout", "relu(x w + b) has the gradients of maxout(x, 0, 0, w, b)"),
    KIT_404("leakyReluIsASpecialCaseOfMaxout", "leakyRelu(z, s) has the gradients of maxout(z, s z)"),
    KIT_405("scalingTheInputScalesTheWeightGradient", "scaling a linear layer's input by c scales its weight gradient by c"),
    KIT_501("repeatedBackwardAccumulatesAndZeroGradResets",
            "a second backward adds the gradient again (or resets, as declared); zeroGrad resets to zero"),
    KIT_502("constantsGetNoGradient", "a constant gets no gradient and changes no other gradient"),
    KIT_503("detachedNodesPassNoGradient", "no gradient flows through a detached node"),
    KIT_504("unusedLeavesGetZeroGradient", "a leaf the output does not use gets a zero gradient of its shape"),
    KIT_601("hessianVectorProductsMatchFiniteDifferences",
            "Hessian-vector products from differentiable gradients match finite differences of the gradient"),
    KIT_701("oneSeedGivesTheSameGradients",
            "one seed gives the same graph, values and gradients (bitwise, or within the declared tolerance)"),
    KIT_801("everyDeclaredOpOccursInTheGeneratedGraphs", "every declared op occurs in the generated graphs"),
    KIT_802("everyActivationAndLossOccursInTheGeneratedNetworks",
            "every declared activation and loss, with and without L2, and every depth occur in the generated networks"),
    KIT_901("forwardValuesMatchTheReference",
            "every op's forward value matches autograd-core's on the engine's own inputs, within the stated tolerance"),
    KIT_902("deepChainsAndDiamondsBackpropagate",
            "chains and diamonds of the configured depth (100,000 by default) backpropagate without a crash, exactly");

    private final String property;
    private final String statement;

    Rule(String property, String statement) {
        this.property = property;
        this.statement = statement;
    }

    /** The stable ID, such as {@code KIT-101}. */
    public String id() {
        return name().replace('_', '-');
    }

    /** The property method of {@link AutogradContract} that verifies the rule. */
    public String property() {
        return property;
    }

    /** The rule in one line. */
    public String statement() {
        return statement;
    }

    /** {@code KIT-101 every gradient has its variable's shape and is finite}. */
    public String label() {
        return id() + " " + statement;
    }

    /** The rule verified by the property method of that name. */
    public static Optional<Rule> ofProperty(String method) {
        return Arrays.stream(values()).filter(r -> r.property.equals(method)).findFirst();
    }
}
