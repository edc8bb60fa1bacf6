package dev.gradproof.gradcheck.model;

/**
 * The test a check ran in, found on the call stack by annotation name.
 *
 * @param testClass   the fully qualified test class
 * @param testMethod  the test method or jqwik property
 * @param engine      {@code "junit-jupiter"} or {@code "jqwik"}
 * @param annotation  the simple name of the annotation found ({@code Test}, {@code ParameterizedTest},
 *                    {@code Property}, ...)
 */
public record TestContext(String testClass, String testMethod, String engine, String annotation) {

    /** {@code SimpleClassName.method}. */
    public String shortName() {
        int dot = testClass.lastIndexOf('.');
        return testClass.substring(dot + 1) + "." + testMethod;
    }
}
