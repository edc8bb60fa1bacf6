package com.example.samediff;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.List;
import java.util.Set;

/**
 * DL4J SameDiff 1.0.0-M2.1 behind the contract kit, in float64. SameDiff is define-then-run: the
 * kit's calls record the graph ({@link SdNode}), and {@link SameDiffGraph} builds it in a fresh
 * {@code SameDiff} and runs it when a value or gradients are asked for; backward of an upstream g
 * is SameDiff's {@code calculateGradients} of the loss sum(output * g).
 *
 * <p>Declared: the ops of {@link SameDiffOps#DECLARED}; constants ({@code sd.constant}) and detach
 * ({@code StopGradient}); ELU with alpha 1 only; no dimension of size 0 (SameDiff refuses empty
 * variables: "Empty arrays cannot be used when creating variables"); gradients that do not accumulate
 * ({@code calculateGradients} returns them afresh: {@code RESET}); calls one at a time
 * ({@code withSerializedCalls}: SameDiff's native ops are not documented as thread-safe). Not declared: second order
 * (SameDiff's gradient function is a separate graph that cannot be differentiated again).
 * The gradient bugs this project found are {@link #knownFaults()}, each listed in README.md.
 */
final class SameDiffAdapter implements AutogradAdapter<SdNode> {

    private final KnownBug.Run run;

    /** The adapter for the kit's run or the catalogue's, which declare SameDiff's bugs differently. */
    SameDiffAdapter(KnownBug.Run run) {
        this.run = run;
    }

    @Override
    public String name() {
        return "DL4J SameDiff 1.0.0-M2.1";
    }

    @Override
    public Set<String> ops() {
        return SameDiffOps.DECLARED;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.CONSTANTS, Capability.DETACH);
    }

    @Override
    public Capabilities declared() {
        return Capabilities.numpyStyle()
                .withParameterDomain(Ops.ELU, 1.0)
                .withoutZeroSizeDims()
                .withRepeatedBackward(Capabilities.RepeatedBackward.RESET)
                .withSerializedCalls();
    }

    @Override
    public List<KnownFault> knownFaults() {
        return KnownBug.knownFaults(run);
    }

    @Override
    public SdNode leaf(String name, DenseArray value) {
        return SdNode.leaf(value);
    }

    @Override
    public SdNode constant(String name, DenseArray value) {
        return SdNode.constant(value);
    }

    @Override
    public SdNode detach(SdNode node) {
        return SdNode.detached(node);
    }

    @Override
    public SdNode apply(OpCall call, List<SdNode> inputs) {
        return SdNode.op(call, inputs);
    }

    @Override
    public void backward(SdNode output, DenseArray upstream) {
        SameDiffGraph.backward(output, upstream);
    }

    @Override
    public DenseArray value(SdNode node) {
        return node.value();
    }

    @Override
    public DenseArray grad(SdNode node) {
        return node.grad();
    }
}
