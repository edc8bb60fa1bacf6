/**
 * Fully connected networks on top of the autograd: {@link dev.gradproof.autograd.nn.Linear} layers,
 * a {@link dev.gradproof.autograd.nn.Network} builder with an activation per layer, a loss and
 * optional L2 regularization, and plain {@link dev.gradproof.autograd.nn.GradientDescent}.
 *
 * <p>Inputs are row-major batches {@code x [N, D]}, as in the notes' numpy code
 * ({@code h = x.dot(w1)}), so a layer computes {@code x W + b} with {@code W [D, H]}.
 */
package dev.gradproof.autograd.nn;
