package dev.gradproof.reports.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradproof.gradcheck.model.Numbers;
import dev.gradproof.reports.view.CheckDetails;
import dev.gradproof.reports.view.CheckStatus;
import dev.gradproof.reports.view.CheckView;
import dev.gradproof.reports.view.ElementView;
import dev.gradproof.reports.view.Heatmap;
import dev.gradproof.reports.view.InputView;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of checks as compact data embedded in the page, from which its script draws the rows
 * it shows and, on demand, a check's details: every string once in a table ({@code s}), every check
 * a row of numbers and string indexes ({@code c}), its details beside it ({@code d}). At 10,000
 * checks the page holds a few hundred bytes per check instead of a few kilobytes of markup, and the
 * browser keeps only the rows it shows in the document.
 *
 * <p>The JSON is made safe to embed in a {@code <script type="application/json">}: every
 * {@code <}, {@code >} and {@code &} is written as a JSON unicode escape, so a label such as
 * {@code </script>} stays text.
 */
public final class PageData {

    /** The positions in a check's row of {@code c}; the page's script reads them by these numbers. */
    static final List<String> CHECK_FIELDS = List.of("id", "status", "test", "testClass", "testMethod", "label", "op",
            "mode", "secondOrder", "inputs", "checked", "directions", "maxRatio", "maxRelative", "maxText",
            "medianRelative", "medianText", "kinks", "kinkOps", "module", "file", "engine", "maxRatioText");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    private PageData() {
    }

    /** The JSON of the checks, safe inside a script element. */
    public static String of(List<CheckView> checks) {
        PageData data = new PageData();
        List<List<Object>> rows = new ArrayList<>(checks.size());
        List<List<Object>> details = new ArrayList<>(checks.size());
        for (CheckView c : checks) {
            rows.add(data.row(c));
            details.add(data.details(c.details()));
        }
        Map<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("fields", CHECK_FIELDS);
        page.put("statuses", java.util.Arrays.stream(CheckStatus.values()).map(CheckStatus::text).toList());
        page.put("classes", java.util.Arrays.stream(CheckStatus.values()).map(CheckStatus::cssClass).toList());
        page.put("s", data.strings);
        page.put("c", rows);
        page.put("d", details);
        try {
            return escape(MAPPER.writeValueAsString(page));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write the page's data: " + e.getMessage(), e);
        }
    }

    /** JSON that cannot close its script element or open markup. */
    static String escape(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027");
    }

    private int s(String text) {
        return index.computeIfAbsent(text == null ? "" : text, t -> {
            strings.add(t);
            return strings.size() - 1;
        });
    }

    private List<Object> row(CheckView c) {
        return List.of(c.id(), c.status().ordinal(), s(c.test()), s(c.testClass()), s(c.testMethod()), s(c.label()),
                s(c.op()), s(c.mode()), c.kind().equals("gradgradcheck") ? 1 : 0, s(c.inputs()), c.elementsChecked(),
                c.unit().equals("directions") ? 1 : 0, number(c.maxErrorRatio()), number(c.maxRelativeError()),
                s(c.maxText()), number(c.medianRelativeError()), s(c.medianText()), c.kinks(), s(c.kinkOps()),
                s(c.module()), s(c.file()), s(c.engine()), s(Numbers.sci(c.maxErrorRatio(), 2)));
    }

    /** A number for sorting, to three significant digits (enough to order, a third of the bytes); NaN and infinity sort as the largest. */
    static double number(double v) {
        return Double.isFinite(v) ? new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue() : 1e308;
    }

    private List<Object> details(CheckDetails d) {
        return List.of(s(d.verdict()), d.reasons().stream().map(this::s).toList(),
                s(d.detectableError()), s(d.coverage()), Long.toString(d.seed()), s(d.eps()), s(d.precision()),
                s(d.tolerance()), s(d.recorded()), d.durationMillis(), s(d.replay()),
                d.findings().stream().map(this::s).toList(), d.notes().stream().map(this::s).toList(),
                s(d.fastConfidence()), d.inputs().stream().map(this::input).toList(),
                d.worst().stream().map(this::element).toList(), d.recordsKept());
    }

    private List<Object> input(InputView i) {
        List<Object> heatmap = i.heatmap() == null ? List.of() : heatmap(i.heatmap());
        return List.of(s(i.name()), s(i.shape()), i.excluded() ? 1 : 0, i.elements(), i.elementsChecked(),
                s(i.maxText()), i.failed(), i.kinks(), heatmap);
    }

    /** {@code [columns of cells, cell size, layout, fills..., fail flags as a string of 0 and 1, titles...]}. */
    private List<Object> heatmap(Heatmap m) {
        int columns = m.width() / m.cell();
        StringBuilder fails = new StringBuilder();
        List<Integer> fills = new ArrayList<>(m.cells().size());
        List<Integer> titles = new ArrayList<>(m.cells().size());
        for (Heatmap.Cell cell : m.cells()) {
            fills.add(s(cell.fill()));
            fails.append(cell.fail() ? '1' : '0');
            titles.add(s(cell.title()));
        }
        return List.of(columns, m.cell(), s(m.layout()), fills, fails.toString(), titles);
    }

    private List<Object> element(ElementView e) {
        return List.of(s(e.input()), s(e.index()), s(e.component()), s(e.analytic()), s(e.numerical()),
                s(e.absolute()), s(e.relative()), s(e.tolerance()), s(e.verdict()), s(e.kinkOp() + e.reason()));
    }
}
