package dev.gradproof.gradcheck.model;

/**
 * The test a check ran in, found on the call stack by annotation name.
 *
 * @param testClass       the fully qualified test class
 * @param testMethod      the test method or jqwik property
 * @param engine          {@code "junit-jupiter"} or {@code "jqwik"}
 * @param annotation      the simple name of the annotation found ({@code Test}, {@code ParameterizedTest},
 *                        {@code Property}, ...)
 * @param expectedFailure true when the test said its checks fail on purpose (tagged
 *                        {@value #EXPECTED_FAILURE_TAG}, as the suites that prove the checker catches
 *                        wrong gradients are): a report shows such failures apart, never as the
 *                        code's failures
 */
public record TestContext(String testClass, String testMethod, String engine, String annotation,
                          boolean expectedFailure) {

    /** The tag (JUnit's or jqwik's {@code @Tag}) that marks a test class or method whose checks fail on purpose. */
    public static final String EXPECTED_FAILURE_TAG = "expected-failure";

    /** A test whose checks are not expected to fail. */
    public TestContext(String testClass, String testMethod, String engine, String annotation) {
        this(testClass, testMethod, engine, annotation, false);
    }

    /** {@code SimpleClassName.method}. */
    public String shortName() {
        int dot = testClass.lastIndexOf('.');
        return testClass.substring(dot + 1) + "." + testMethod;
    }
}
