/**
 * Recording of jqwik property runs for the report: a lifecycle hook, registered globally through
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}, writes every property's tries,
 * checks, seed, statistics (coverage) and any shrunk counterexample as JSON into
 * {@code target/gradproof-results/}, beside gradcheck's results.
 */
package dev.gradproof.properties.recording;
