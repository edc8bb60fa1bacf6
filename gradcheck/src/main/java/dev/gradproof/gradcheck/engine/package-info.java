/**
 * The gradient-check engine: numerical probes, analytic vector-Jacobian products, the error model
 * and the assembly of results, over any {@link dev.gradproof.gradcheck.function.CheckedFunction}.
 */
package dev.gradproof.gradcheck.engine;
