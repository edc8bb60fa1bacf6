package dev.gradproof.gradcheck.model;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for messages: {@code 0.731}, {@code 1.97e-7}, {@code 7.3e-1}. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Three significant digits, plain for magnitudes in [1e-3, 1e4), scientific (exponent without
     * padding) otherwise: {@code 0.731}, {@code 2000}, {@code 1.97e-7}.
     */
    public static String compact(double v) {
        return compact(v, 3, 1e4);
    }

    /**
     * {@code digits} significant digits, plain for magnitudes in [1e-3, {@code plainBelow}),
     * scientific otherwise; {@code 0} for zero.
     */
    public static String compact(double v, int digits, double plainBelow) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < plainBelow) {
            return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        }
        return sci(v, digits);
    }

    /** Scientific notation with {@code digits} significant digits: {@code sci(0.73, 2)} is {@code 7.3e-1}. */
    public static String sci(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        String s = String.format(java.util.Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }
}
