package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.reports.source.PlannedCheck;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs planned checks one after another with the command's options (each check spreads its
 * numerical Jacobian over the cores itself), showing a progress bar; results are not recorded
 * to {@code target/gradproof-results} (the command writes its own report).
 *
 * @param mode    the mode (SAMPLED instead of FULL for checks too large for it)
 * @param seed    the seed of every check
 * @param eps     the step, or null for the precision's default
 * @param samples k of SAMPLED mode, or null for the default
 */
record CheckRunner(Mode mode, long seed, Double eps, Integer samples) {

    /** The width of the progress bar's line. */
    static final int WIDTH = 100;

    /** Runs the checks; the progress bar goes to {@code progress} (none when there is nothing to run). */
    List<Outcome> run(List<PlannedCheck> checks, PrintStream progress, boolean unicode) {
        List<Outcome> outcomes = new ArrayList<>();
        if (checks.isEmpty()) {
            return outcomes;
        }
        ProgressBarBuilder bar = new ProgressBarBuilder()
                .setTaskName("gradcheck")
                .setInitialMax(checks.size())
                .setStyle(unicode ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(100)
                .setConsumer(new ConsoleProgressBarConsumer(progress, WIDTH));
        try (ProgressBar pb = bar.build()) {
            for (PlannedCheck planned : checks) {
                pb.setExtraMessage(shorten(planned.label()));
                outcomes.add(run(planned));
                pb.step();
            }
            pb.setExtraMessage("done");
        }
        progress.println();
        progress.flush();
        return outcomes;
    }

    private Outcome run(PlannedCheck planned) {
        try {
            GradCheck check = planned.builder().get().seed(seed).record(false).op(planned.op())
                    .mode(planned.tooLargeForFull() && mode == Mode.FULL ? Mode.SAMPLED : mode);
            if (eps != null) {
                check.eps(eps);
            }
            if (samples != null) {
                check.samples(samples);
            }
            return new Outcome(planned, check.check(), null);
        } catch (RuntimeException e) {
            return new Outcome(planned, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String shorten(String label) {
        return label.length() <= 32 ? label : label.substring(0, 31) + "…";
    }
}
