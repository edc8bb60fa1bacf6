package dev.gradproof.properties.kit;

import net.jqwik.api.statistics.StatisticsEntry;
import net.jqwik.api.statistics.StatisticsReportFormat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reports, for statistics that collect one set of names per try (the ops of a graph), the share of
 * tries in which each name occurred: {@code relu  (41) : 13.7 %}.
 */
public final class OpCoverageReport implements StatisticsReportFormat {

    @Override
    public List<String> formatReport(List<StatisticsEntry> entries) {
        Map<String, Integer> counts = new TreeMap<>();
        int tries = 0;
        for (StatisticsEntry entry : entries) {
            tries += entry.count();
            if (!entry.values().isEmpty() && entry.values().get(0) instanceof Collection<?> names) {
                for (Object name : names) {
                    counts.merge(String.valueOf(name), entry.count(), Integer::sum);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            lines.add(String.format("%-" + width + "s (%4d) : %5.1f %%", e.getKey(), e.getValue(),
                    100.0 * e.getValue() / Math.max(1, tries)));
        }
        return lines;
    }
}
