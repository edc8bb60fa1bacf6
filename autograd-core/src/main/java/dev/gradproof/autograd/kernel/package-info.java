/**
 * Low-level kernels over contiguous row-major {@code double[]} arrays.
 *
 * <p>Every kernel writes into an array the caller provides (as EJML's low-level API does) and
 * allocates nothing per element, so that a later performance pass (SIMD matmul, parallel loops)
 * can replace a kernel without touching the tensors, the graph or the ops built on top of it.
 * Kernels check nothing about shapes: {@link dev.gradproof.autograd.Tensor} validates first and
 * names the offending shapes in its errors.
 */
package dev.gradproof.autograd.kernel;
