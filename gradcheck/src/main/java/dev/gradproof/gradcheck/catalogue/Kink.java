package dev.gradproof.gradcheck.catalogue;

import java.util.Objects;

/**
 * Where an op of the catalogue is not differentiable: the op as gradcheck names the kink (the op's
 * name, or {@code composite/inner} such as {@code svmHinge/relu}, with the names of the contract
 * kit's vocabulary) and where the kink lies, with the subgradient taken there.
 *
 * @param op    the kinked op, as a check reports it: {@code relu}, {@code maxout/maximum}
 * @param where where the kink lies: {@code x = 0 (subgradient 0)}
 */
public record Kink(String op, String where) {

    /**
     * Checks both parts.
     *
     * @throws IllegalArgumentException naming the empty part
     */
    public Kink {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(where, "where");
        if (op.isBlank() || where.isBlank()) {
            throw new IllegalArgumentException("Kink: op \"" + op + "\" and where \"" + where + "\" must not be blank");
        }
    }

    /** {@code relu: x = 0 (subgradient 0)}. */
    @Override
    public String toString() {
        return op + ": " + where;
    }
}
