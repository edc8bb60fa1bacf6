package dev.gradproof.reports.view;

/**
 * One row of a check's worst elements.
 *
 * @param input      the input's name, or {@code direction n} in FAST mode
 * @param index      the element's index ({@code [1, 2]})
 * @param component  which output component was compared, or empty
 * @param analytic   the analytic derivative
 * @param numerical  the numerical derivative
 * @param absolute   {@code |a - n|}
 * @param relative   the relative error
 * @param tolerance  the element's tolerance on {@code |a - n|}
 * @param verdict    PASS, FAIL or KINK
 * @param kinkOp     the op whose branch changed, for a KINK; else empty
 * @param reason     why a FAIL is a FAIL when it is not a plain disagreement; else empty
 */
public record ElementView(
        String input,
        String index,
        String component,
        String analytic,
        String numerical,
        String absolute,
        String relative,
        String tolerance,
        String verdict,
        String kinkOp,
        String reason) {

    /** The CSS class of the verdict. */
    public String verdictClass() {
        return verdict.toLowerCase(java.util.Locale.ROOT);
    }
}
