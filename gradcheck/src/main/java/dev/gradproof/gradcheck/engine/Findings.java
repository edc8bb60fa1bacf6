package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.SanityCheck;
import dev.gradproof.gradcheck.model.SanityFinding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Failed sanity checks, collected from all threads; one finding per check and input. */
final class Findings {

    private final Map<String, SanityFinding> findings = new LinkedHashMap<>();

    synchronized void add(SanityCheck check, Integer input, String message) {
        findings.putIfAbsent(check + "/" + input, new SanityFinding(check, input, message));
    }

    /** Whether a finding of that check was made, for any input. */
    synchronized boolean has(SanityCheck check) {
        return findings.values().stream().anyMatch(f -> f.check() == check);
    }

    synchronized List<SanityFinding> list() {
        return new ArrayList<>(findings.values());
    }
}
