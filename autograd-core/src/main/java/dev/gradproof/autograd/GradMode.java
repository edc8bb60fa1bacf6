package dev.gradproof.autograd;

/**
 * Whether ops record the graph, per thread.
 *
 * <p>Inside {@link #noGrad()} ops compute values and record nothing: their results are constants.
 * Scopes nest and are closed with try-with-resources:
 *
 * <pre>{@code
 * try (Scope ignored = GradMode.noGrad()) {
 *     Variable y = w.matmul(x);   // y.requiresGrad() == false
 * }
 * }</pre>
 *
 * <p>The state is thread-local, so parallel gradient checks never see each other's scopes.
 */
public final class GradMode {

    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    /** True when ops on this thread record the graph (the default). */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Enters a scope in which ops record nothing; closing it restores the previous mode. */
    public static Scope noGrad() {
        return set(false);
    }

    /** Enters a scope in which ops record the graph, even inside {@link #noGrad()}. */
    public static Scope enableGrad() {
        return set(true);
    }

    private static Scope set(boolean enabled) {
        boolean[] state = ENABLED.get();
        boolean previous = state[0];
        state[0] = enabled;
        return () -> state[0] = previous;
    }
}
