package dev.gradproof.reports.output;

import dev.gradproof.reports.view.CheckStatus;
import dev.gradproof.reports.view.ColourScale;
import dev.gradproof.reports.view.ReportView;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ReportView} as one self-contained HTML page (inline CSS, inline SVG and a small
 * inline script; nothing loaded from the network) through the Pebble template {@value #TEMPLATE},
 * with HTML auto-escaping of every value and strict variables (a misspelt name fails loudly). The
 * table of checks is drawn by the page's script from {@link PageData}, so that a report of 10,000
 * checks stays small and fast.
 */
public final class HtmlRenderer {

    /** The template, on the classpath. */
    public static final String TEMPLATE = "dev/gradproof/reports/output/report.peb";

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(new ClasspathLoader(HtmlRenderer.class.getClassLoader()))
            .autoEscaping(true)
            .defaultEscapingStrategy("html")
            .strictVariables(true)
            .newLineTrimming(true)
            .build();

    private HtmlRenderer() {
    }

    /** The page. */
    public static String render(ReportView report) {
        PebbleTemplate template = ENGINE.getTemplate(TEMPLATE);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, Map.of("report", report, "scale", ColourScale.standard(),
                    "statuses", List.of(CheckStatus.values()), "data", PageData.of(report.checks())));
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the report: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
