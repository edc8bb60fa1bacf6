package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.EngineFailure;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.properties.graph.GraphSpec;

import java.util.Optional;

/**
 * The deep graphs of {@link Rule#KIT_902}: a chain and a diamond of a given depth over one scalar
 * leaf, whose gradients are exact integers, so that any difference is an engine's fault. Engines
 * that sort the graph recursively overflow the stack on such graphs (at ~20,000 nodes on a default
 * stack); the crash is reported with its type, the graph's size and the least failing depth.
 */
final class DeepGraphs {

    /** The halvings tried to find the least depth at which a crash happens. */
    private static final int HALVINGS = 12;

    private DeepGraphs() {
    }

    /** Checks the chain and, if the engine has sub or mulConstant, the diamond. */
    static <V> void check(AutogradAdapter<V> engine, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("deep graph depth: must be at least 1, got " + depth);
        }
        run(engine, Shape.CHAIN, depth);
        if (engine.ops().contains(Ops.SUB) || engine.ops().contains(Ops.MUL_CONSTANT)) {
            run(engine, Shape.DIAMOND, depth);
        }
    }

    private enum Shape {
        /** {@code h = h + x}, depth times: the gradient of x is depth + 1. */
        CHAIN,
        /** {@code h = (h + h) - h} or {@code 0.5 h + 0.5 h}, depth times: the gradient of x is 1. */
        DIAMOND
    }

    private static <V> void run(AutogradAdapter<V> engine, Shape shape, int depth) {
        Optional<Throwable> failure = attempt(engine, shape, depth);
        if (failure.isEmpty()) {
            return;
        }
        Throwable thrown = failure.get();
        if (!(thrown instanceof EngineFailure)) {
            throw (AssertionError) thrown;
        }
        int passes = 0;
        int fails = depth;
        for (int i = 0; i < HALVINGS && fails > 1; i++) {
            int half = fails / 2;
            if (attempt(engine, shape, half).isPresent()) {
                fails = half;
            } else {
                passes = half;
                break;
            }
        }
        String where = passes > 0 ? "; depth " + passes + " passes, " + fails + " fails"
                : "; it fails down to depth " + fails;
        throw new AssertionError("deep " + name(shape) + " of depth " + depth + " ("
                + graph(engine, shape, depth).size() + " nodes): " + thrown.getMessage() + where, thrown);
    }

    /** Runs one graph; the failure (an {@link EngineFailure} or a wrong gradient), or empty. */
    private static <V> Optional<Throwable> attempt(AutogradAdapter<V> engine, Shape shape, int depth) {
        GraphSpec spec = graph(engine, shape, depth);
        try {
            Evaluation<V> run = spec.evaluate(engine).backward();
            DenseArray grad = run.grad(0);
            double expected = shape == Shape.CHAIN ? depth + 1.0 : 1.0;
            if (grad.size() != 1 || grad.get(0) != expected) {
                return Optional.of(new AssertionError("deep " + name(shape) + " of depth " + depth + ": gradient of x is "
                        + grad + ", expected exactly " + expected + "\n  in " + spec));
            }
            return Optional.empty();
        } catch (EngineFailure e) {
            return Optional.of(e);
        }
    }

    private static String name(Shape shape) {
        return shape == Shape.CHAIN ? "chain h = h + x" : "diamond h = (h + h) - h";
    }

    static <V> GraphSpec graph(AutogradAdapter<V> engine, Shape shape, int depth) {
        GraphSpec.Builder b = GraphSpec.builder();
        int x = b.leaf("x", Tensor.scalar(0.5));
        int h = x;
        boolean sub = engine.ops().contains(Ops.SUB);
        for (int i = 0; i < depth; i++) {
            if (shape == Shape.CHAIN) {
                h = b.apply(OpCall.of(Ops.ADD), h, x);
            } else if (sub) {
                h = b.apply(OpCall.of(Ops.SUB), b.apply(OpCall.of(Ops.ADD), h, h), h);
            } else {
                int half = b.apply(OpCall.withScalar(Ops.MUL_CONSTANT, 0.5), h);
                h = b.apply(OpCall.of(Ops.ADD), half, half);
            }
        }
        return b.build(h);
    }
}
