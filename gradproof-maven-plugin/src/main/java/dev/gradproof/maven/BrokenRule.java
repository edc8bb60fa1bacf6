package dev.gradproof.maven;

/**
 * A rule of {@link CheckRules} that the results broke.
 *
 * @param rule    the rule's parameter name, as written in the plugin's configuration ({@code maxErrorRatio})
 * @param message what broke it, in words, naming the worst offender
 */
public record BrokenRule(String rule, String message) {

    /** {@code rule maxErrorRatio: ...}. */
    @Override
    public String toString() {
        return "rule " + rule + ": " + message;
    }
}
