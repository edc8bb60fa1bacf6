package dev.gradproof.gradcheck.model;

/**
 * The judgement of one element (or one direction): the analytic and the numerical derivative
 * agree ({@link #PASS}), disagree ({@link #FAIL}), or the numerical probe crossed a kink, where the
 * two legitimately differ ({@link #KINK}).
 */
public enum Verdict {
    /** Analytic and numerical agree within the element's tolerance. */
    PASS('P'),
    /** They disagree, or a value, analytic or numerical derivative is not finite. */
    FAIL('F'),
    /** The probe crossed a point where the function is not differentiable; not compared. */
    KINK('K');

    /** The character used for unchecked elements in {@link InputResult#verdicts()}. */
    public static final char UNCHECKED = '.';

    private final char code;

    Verdict(char code) {
        this.code = code;
    }

    /** One character for compact per-element strings: {@code P}, {@code F} or {@code K}. */
    public char code() {
        return code;
    }

    /** The verdict of a code character, or {@code null} for {@link #UNCHECKED}. */
    public static Verdict ofCode(char code) {
        for (Verdict v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        if (code == UNCHECKED) {
            return null;
        }
        throw new IllegalArgumentException("unknown verdict code '" + code + "'");
    }

    /** The more severe of two verdicts: FAIL over KINK over PASS. */
    public Verdict worse(Verdict other) {
        return other == null || severity() >= other.severity() ? this : other;
    }

    /** 2 for FAIL, 1 for KINK, 0 for PASS. */
    int severity() {
        return this == FAIL ? 2 : this == KINK ? 1 : 0;
    }
}
