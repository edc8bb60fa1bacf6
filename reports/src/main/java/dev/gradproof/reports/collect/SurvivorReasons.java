package dev.gradproof.reports.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why each surviving mutant survives, written by hand in a tab-separated file (one line per
 * reason, {@code #} comments): {@code run  class  method  mutator  verdict  reason}, where
 * {@code run} is a run's name or {@code *}, {@code class} the class without
 * {@code dev.gradproof.autograd.} ({@code Graph$Walk}), {@code method} the method or {@code *},
 * {@code mutator} the short mutator name or {@code *}, and {@code verdict} {@code EQUIVALENT} (no
 * test can tell it apart: the reason says why) or {@code GAP} (a real bug the checks miss).
 * Reasons are keyed without line numbers, so that they survive edits elsewhere in a file.
 */
public final class SurvivorReasons {

    /** A reason's verdict. */
    public enum Verdict {
        /** Behaves like the original on every input the op accepts: no check can kill it. */
        EQUIVALENT,
        /** A bug the killing tests do not catch. */
        GAP
    }

    /**
     * One line of the file.
     *
     * @param run     the run it applies to, or {@code *}
     * @param type    the class without the package prefix
     * @param method  the method, or {@code *}
     * @param mutator the short mutator name, or {@code *}
     * @param verdict equivalent or gap
     * @param reason  why, for people
     */
    public record Reason(String run, String type, String method, String mutator, Verdict verdict, String reason) {

        boolean matches(String runName, Mutant m) {
            return (run.equals("*") || run.equals(runName)) && type.equals(m.shortClass())
                    && (method.equals("*") || method.equals(m.method()))
                    && (mutator.equals("*") || mutator.equals(m.mutator()));
        }
    }

    private final List<Reason> reasons;

    private SurvivorReasons(List<Reason> reasons) {
        this.reasons = List.copyOf(reasons);
    }

    /** Reads the file; a malformed line throws, naming the file and line. */
    public static SurvivorReasons read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the survivors' reasons " + file + ": " + e.getMessage(), e);
        }
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 6 tab-separated fields"
                        + " (run, class, method, mutator, verdict, reason), found " + f.length);
            }
            Verdict verdict;
            try {
                verdict = Verdict.valueOf(f[4].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": verdict \"" + f[4] + "\" is neither EQUIVALENT nor GAP", e);
            }
            reasons.add(new Reason(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), verdict, f[5].trim()));
        }
        return new SurvivorReasons(reasons);
    }

    /** The first reason that matches a survivor of a run, if any. */
    public Optional<Reason> of(String run, Mutant survivor) {
        return reasons.stream().filter(r -> r.matches(run, survivor)).findFirst();
    }
}
