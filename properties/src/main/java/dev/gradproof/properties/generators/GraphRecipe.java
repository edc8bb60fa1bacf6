package dev.gradproof.properties.generators;

import java.util.List;

/**
 * Everything the random-graph builder needs, as shrinkable plain data: the base shape the leaves
 * derive from, one mask per leaf (which leading dimensions it drops, which it sets to 1), a pool
 * of values the leaves are filled from, and one list of steps per body (one body for a graph,
 * several for the branches of a fork).
 */
record GraphRecipe(List<Integer> baseDims, List<Integer> leafMasks, List<Double> pool, List<List<Step>> bodies) {
}
