package dev.gradproof.gradcheck.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Chooses the elements SAMPLED mode checks in one input: always the element with the largest
 * analytic gradient and the element with the largest value, then up to a quarter of the sample
 * among the elements nearest a kink, then random elements from the seed.
 *
 * <p>"Nearest a kink" comes from the function when it can tell (autograd-core: branch flips under
 * small random perturbations, traced back to the inputs); for foreign code it is approximated by
 * the elements of smallest magnitude, where the kinks of ReLU-like activations lie.
 */
final class ElementSampler {

    private ElementSampler() {
    }

    /**
     * @param k          how many to choose (all elements if the input has no more)
     * @param magnitude  per element, the size of the analytic gradient
     * @param values     per element, the input's value
     * @param kinkScore  per element, nearness to a kink (larger is nearer), or null when unknown
     * @return the chosen row-major offsets, ascending
     */
    static int[] choose(int k, double[] magnitude, double[] values, double[] kinkScore, Random random) {
        int size = values.length;
        if (k >= size) {
            return IntStream.range(0, size).toArray();
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        chosen.add(argMax(magnitude));
        if (chosen.size() < k) {
            chosen.add(argMax(abs(values)));
        }
        int nearKink = (k + 3) / 4;
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < size; e++) {
            if (kinkScore == null || kinkScore[e] > 0) {
                order.add(e);
            }
        }
        Comparator<Integer> nearest = kinkScore != null
                ? Comparator.comparingDouble((Integer e) -> -kinkScore[e])
                : Comparator.comparingDouble((Integer e) -> Math.abs(values[e]));
        order.sort(nearest.thenComparingInt(e -> e));
        for (int j = 0; j < order.size() && nearKink > 0 && chosen.size() < k; j++) {
            if (chosen.add(order.get(j))) {
                nearKink--;
            }
        }
        while (chosen.size() < k) {
            chosen.add(random.nextInt(size));
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int argMax(double[] a) {
        int best = 0;
        for (int e = 1; e < a.length; e++) {
            if (a[e] > a[best] || Double.isNaN(a[e]) && !Double.isNaN(a[best])) {
                best = e;
            }
        }
        return best;
    }

    private static double[] abs(double[] a) {
        double[] r = new double[a.length];
        for (int e = 0; e < a.length; e++) {
            r[e] = Math.abs(a[e]);
        }
        return r;
    }
}
