package dev.gradproof.properties.recording;

/**
 * Hands a property's {@link KitOutcome} from the kit's hook, inside the property, to
 * {@link PropertyRunRecorder}, outside it: both run on the thread that runs the property.
 */
public final class KitOutcomes {

    private static final ThreadLocal<KitOutcome> LAST = new ThreadLocal<>();

    private KitOutcomes() {
    }

    /** The kit's outcome of the property now running on this thread. */
    public static void publish(KitOutcome outcome) {
        LAST.set(outcome);
    }

    static void clear() {
        LAST.remove();
    }

    /** The published outcome, or null; forgets it. */
    static KitOutcome take() {
        KitOutcome outcome = LAST.get();
        LAST.remove();
        return outcome;
    }
}
