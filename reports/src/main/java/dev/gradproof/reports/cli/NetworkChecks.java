package dev.gradproof.reports.cli;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Variable;
import dev.gradproof.autograd.examples.TwoLayerNetwork;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.reports.source.CheckSource;
import dev.gradproof.reports.source.PlannedCheck;

import java.util.List;
import java.util.function.Function;

/**
 * The notes' two-layer network ({@link TwoLayerNetwork}: {@code sum((sigmoid(x w1) w2 - y)^2)}),
 * its weights {@code w1} and {@code w2} checked against the loss with the data {@code x} and the
 * targets {@code y} excluded: once at the notes' sizes (N=64, D_in=1000, H=100, D_out=10; 101,000
 * weights, so {@link Mode#SAMPLED} where the command asks for FULL), and once at small sizes (N=8,
 * D_in=20, H=10, D_out=3; 230 weights) in the command's mode.
 *
 * <p>The checked function is the network's loss written over the check's variables; before the
 * checks are planned its value at the network's weights is compared bitwise with
 * {@link TwoLayerNetwork#loss()}, so that the two cannot drift apart.
 */
public final class NetworkChecks implements CheckSource {

    /** The op name the network's checks are tagged with. */
    public static final String OP = "network";


    /** The loss of the notes' network over variables {@code x, w1, w2, y}. */
    static Variable loss(List<Variable> v) {
        return Losses.sumSquaredError(v.get(0).matmul(v.get(1)).sigmoid().matmul(v.get(2)), v.get(3));
    }

    /** The two checks, with data and weights drawn from {@code seed}. */
    @Override
    public List<PlannedCheck> checks(long seed) {
        return List.of(
                planned(seed, true, TwoLayerNetwork.N, TwoLayerNetwork.D_IN, TwoLayerNetwork.H, TwoLayerNetwork.D_OUT),
                planned(seed, false, 8, 20, 10, 3));
    }

    /** The check of the network of these sizes, labelled with them: {@code notes' network N=8 D_in=20 H=10 D_out=3}. */
    private static PlannedCheck planned(long seed, boolean tooLargeForFull, int n, int dIn, int h, int dOut) {
        TwoLayerNetwork net = new TwoLayerNetwork(seed, n, dIn, h, dOut);
        requireSameLoss(net);
        String label = "notes' network N=" + n + " D_in=" + dIn + " H=" + h + " D_out=" + dOut;
        return new PlannedCheck(OP, label, tooLargeForFull, () -> check(net, label));
    }

    @Override
    public List<String> describe(long seed) {
        return List.of(OP + ": the notes' two-layer network, sum((sigmoid(x w1) w2 - y)^2), weights w1 and w2");
    }

    private static GradCheck check(TwoLayerNetwork net, String label) {
        Function<List<Variable>, Variable> f = NetworkChecks::loss;
        return GradCheck.of(f)
                .input("x", net.x()).input("w1", net.w1().value()).input("w2", net.w2().value()).input("y", net.y())
                .exclude("x", "y")
                .label(label).op(OP);
    }

    /** The loss checked is the network's own: bitwise the same value at its weights. */
    static void requireSameLoss(TwoLayerNetwork net) {
        double own = net.loss().value().item();
        double checked = loss(List.of(Variable.constant(net.x()), Variable.constant(net.w1().value()),
                Variable.constant(net.w2().value()), Variable.constant(net.y()))).value().item();
        if (Double.doubleToLongBits(own) != Double.doubleToLongBits(checked)) {
            throw new IllegalStateException("the checked loss " + checked + " is not TwoLayerNetwork.loss() "
                    + own + ": the network's formula changed");
        }
    }
}
