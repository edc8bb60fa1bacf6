/** Runnable examples from the lecture notes, written with the autograd. */
package dev.gradproof.autograd.examples;
