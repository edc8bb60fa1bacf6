/**
 * The result model of gradient checks: what was compared, what was found, and how it was
 * configured. Engine-neutral and JSON round-trippable ({@link dev.gradproof.gradcheck.model.ResultJson}),
 * so that reports read exactly the classes the checks write.
 */
package dev.gradproof.gradcheck.model;
