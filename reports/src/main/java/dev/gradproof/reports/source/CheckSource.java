package dev.gradproof.reports.source;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Checks the command line runs: the public route for your own functions and hand-written
 * gradients. Implement it in a top-level class with a no-argument constructor, then either
 *
 * <ul>
 *   <li>give the command the single source file: {@code java -jar gradproof.jar --source SigmoidCheck.java}
 *       (compiled on the fly against gradproof), or</li>
 *   <li>compile it, and give the command its classpath and the class:
 *       {@code java -jar gradproof.jar --classpath build/classes --checks my.SigmoidCheck}, or list the
 *       class in {@code META-INF/services/dev.gradproof.reports.source.CheckSource} of your jar or
 *       classes folder and give only {@code --classpath}.</li>
 * </ul>
 *
 * <pre>{@code
 * class SigmoidCheck implements CheckSource {
 *     public List<PlannedCheck> checks(long seed) {
 *         return List.of(PlannedCheck.of("sigmoid", () -> GradCheck.scalar(
 *                 in -> 1 / (1 + Math.exp(-in[0][0])),
 *                 in -> { double s = 1 / (1 + Math.exp(-in[0][0])); return new double[][] {{s * (1 - s)}}; })
 *                 .input("x", 0.5)));
 *     }
 * }
 * }</pre>
 *
 * The command sets the mode, the seed, the step and the samples of SAMPLED mode on every builder,
 * then prints the table, writes the report and exits with 0 (all passed), 1 (a FAIL or an
 * INCONCLUSIVE) or 2 (bad usage), as for gradproof's own checks.
 */
public interface CheckSource {

    /**
     * The checks, each with a fresh builder.
     *
     * @param seed the command's {@code --seed}, for any random inputs the source draws
     */
    List<PlannedCheck> checks(long seed);

    /** One line per group of checks for {@code --list}; by default the groups' names. */
    default List<String> describe(long seed) {
        return checks(seed).stream().map(PlannedCheck::op).distinct().toList();
    }

    /** The sources registered in {@code META-INF/services} of a class loader, in the order found. */
    static List<CheckSource> registered(ClassLoader loader) {
        return ServiceLoader.load(CheckSource.class, loader).stream().map(ServiceLoader.Provider::get).toList();
    }
}
