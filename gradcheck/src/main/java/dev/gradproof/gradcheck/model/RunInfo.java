package dev.gradproof.gradcheck.model;

/**
 * When and how a check ran.
 *
 * @param timestamp          ISO-8601 instant the check finished
 * @param javaVersion        {@code java.version}
 * @param gradproofVersion   gradproof's version, from {@code gradproof.properties} (written by the build)
 * @param cores              available processors
 * @param parallelism        worker threads used for the numerical Jacobian
 * @param durationMillis     wall-clock time of the check
 * @param forwardEvaluations how many times the function's value was computed
 * @param backwardPasses     how many vector-Jacobian products were computed
 */
public record RunInfo(
        String timestamp,
        String javaVersion,
        String gradproofVersion,
        int cores,
        int parallelism,
        long durationMillis,
        long forwardEvaluations,
        long backwardPasses) {

    private static final String VERSION = readVersion();

    /** The version of gradproof running, as the build wrote it, or {@code "unknown"}. */
    public static String currentVersion() {
        return VERSION;
    }

    private static String readVersion() {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.InputStream in = RunInfo.class.getResourceAsStream("/dev/gradproof/gradcheck/gradproof.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
