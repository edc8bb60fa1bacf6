package dev.gradproof.properties.generators;

/**
 * One choice of the random-graph builder: which op, which operands, which parameter. The builder
 * interprets each number modulo what is available at that point, so every list of steps, shrunk
 * or not, builds a valid graph (choice 0 means the first op of the list and the most recent node).
 */
record Step(int op, int a, int b, int param) {
}
