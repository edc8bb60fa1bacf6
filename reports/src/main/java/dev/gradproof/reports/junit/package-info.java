/**
 * The JUnit Platform listener that writes a project's report at the end of its test run: with
 * {@code reports} on the test classpath it is registered through {@code META-INF/services}, so it
 * sees every engine's tests (JUnit Jupiter tests and jqwik properties alike).
 */
package dev.gradproof.reports.junit;
