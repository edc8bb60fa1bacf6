/**
 * The engine-agnostic model of a function under check: inputs as name, shape and {@code double[]}
 * ({@link dev.gradproof.gradcheck.function.Input}), a forward evaluation and a vector-Jacobian
 * product ({@link dev.gradproof.gradcheck.function.CheckedFunction}), with adapters for foreign
 * lambdas ({@link dev.gradproof.gradcheck.function.ForeignFunction}) and for autograd-core
 * ({@link dev.gradproof.gradcheck.function.AutogradFunction}), and their second-order forms.
 */
package dev.gradproof.gradcheck.function;
