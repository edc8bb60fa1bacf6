/**
 * The op catalogue: every differentiable op of autograd-core with a seeded sampler of valid inputs,
 * its domain, its kinks and whether second order applies ({@link dev.gradproof.gradcheck.catalogue.OpSpec}),
 * ready-to-run checks per sample ({@link dev.gradproof.gradcheck.catalogue.OpSample}), independent
 * Commons Math oracles for the elementwise ops ({@link dev.gradproof.gradcheck.catalogue.ElementwiseOracle}),
 * and the reflection that finds ops without a spec ({@link dev.gradproof.gradcheck.catalogue.CoreApi}).
 *
 * <p>The catalogue sits on top of gradcheck: it uses the {@link dev.gradproof.gradcheck.GradCheck}
 * facade, the result model and the engine-neutral function types; nothing else in gradcheck uses it.
 */
package dev.gradproof.gradcheck.catalogue;
