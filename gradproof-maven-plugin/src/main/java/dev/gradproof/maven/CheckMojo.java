package dev.gradproof.maven;

import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.ResultsDirectory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Fails the build when the recorded results break a rule of {@link CheckRules}: by default any FAILED
 * or INCONCLUSIVE check, any failed property run and any unreadable result file. The failure names
 * each broken rule and the worst check that broke it, with its replay line.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class CheckMojo extends ResultsMojo {

    /** Fails on any check whose verdict is FAILED. */
    @Parameter(property = "gradproof.check.failOnFailed", defaultValue = "true")
    boolean failOnFailed = true;

    /** Fails on any check whose verdict is INCONCLUSIVE (too little evidence for a PASS). */
    @Parameter(property = "gradproof.check.failOnInconclusive", defaultValue = "true")
    boolean failOnInconclusive = true;

    /** The largest error-to-tolerance ratio any check may reach (unset: no limit beyond the FAIL at 1). */
    @Parameter(property = "gradproof.check.maxErrorRatio")
    Double maxErrorRatio;

    /** The fewest elements every check must have compared (0: no minimum). */
    @Parameter(property = "gradproof.check.minCompared", defaultValue = "0")
    int minCompared;

    /** How many jqwik property runs may end FAILED or ABORTED. */
    @Parameter(property = "gradproof.check.maxFailedPropertyRuns", defaultValue = "0")
    int maxFailedPropertyRuns;

    /** Fails when a result file cannot be read (it could hide a FAIL). */
    @Parameter(property = "gradproof.check.failOnUnreadable", defaultValue = "true")
    boolean failOnUnreadable = true;

    /** Fails the build on a broken rule; false only logs the broken rules as warnings (as JaCoCo's check). */
    @Parameter(property = "gradproof.check.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure = true;

    /** Also checks the results of the reactor modules this one depends on (as report-aggregate reads). */
    @Parameter(property = "gradproof.check.aggregate", defaultValue = "false")
    boolean aggregate;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("gradproof: skipped (gradproof.skip)");
            return;
        }
        List<ResultsDirectory> directories = aggregate ? reactorResults() : ownResults();
        CollectedResults results = collect(directories);
        if (results.isEmpty()) {
            getLog().info("gradproof: no results recorded in " + directories + ", nothing to check");
            return;
        }
        try {
            verify(rules(), results);
        } catch (MojoFailureException e) {
            if (haltOnFailure) {
                throw e;
            }
            getLog().warn(e.getMessage() + "\n(haltOnFailure is false: the build goes on)");
            return;
        }
        getLog().info("gradproof: all rules met by " + results.checks().size() + " checks and "
                + results.properties().size() + " property runs");
    }

    /** The rules as configured. */
    CheckRules rules() throws MojoExecutionException {
        try {
            return new CheckRules(failOnFailed, failOnInconclusive, maxErrorRatio, minCompared,
                    maxFailedPropertyRuns, failOnUnreadable);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("gradproof check: " + e.getMessage(), e);
        }
    }

    /**
     * Fails when the results break a rule.
     *
     * @throws MojoFailureException naming every broken rule and its worst offender
     */
    static void verify(CheckRules rules, CollectedResults results) throws MojoFailureException {
        List<BrokenRule> broken = rules.brokenBy(results);
        if (!broken.isEmpty()) {
            throw new MojoFailureException("gradproof check: " + broken.size() + " rules broken by "
                    + results.checks().size() + " checks and " + results.properties().size() + " property runs:\n"
                    + broken.stream().map(b -> "  " + b).collect(Collectors.joining("\n")));
        }
    }
}
