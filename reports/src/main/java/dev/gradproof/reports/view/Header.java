package dev.gradproof.reports.view;

/**
 * The facts at the top of the report.
 *
 * @param title            the page's title
 * @param generated        when the report was written (UTC)
 * @param gradproofVersion the gradproof version(s) that recorded the results
 * @param javaVersion      the Java version(s) they ran on
 * @param seed             the seed(s) of the checks, with counts when there are several
 * @param cores            the available processors
 * @param recorded         the time span the results were recorded in
 * @param sources          the modules read, with their number of files
 */
public record Header(
        String title,
        String generated,
        String gradproofVersion,
        String javaVersion,
        String seed,
        String cores,
        String recorded,
        String sources) {
}
