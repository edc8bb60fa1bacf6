package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Graph walks mark visited nodes in the nodes themselves; walks that run at once over shared
 * nodes must still see each node exactly once and leave no mark behind.
 */
class ConcurrentWalkTest {

    @Test
    void walksOverSharedNodesFromSeveralThreadsEachSeeEveryNodeOnce() throws Exception {
        Variable x = Variable.scalar("x", 2);
        Variable shared = x;
        for (int i = 0; i < 2_000; i++) {
            shared = shared.mul(1.0);
        }
        Variable base = shared;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                double factor = t + 1;
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        Variable y = base.mul(factor).add(base);       // dy/dx = factor + 1
                        if (Graph.topologicalOrder(List.of(y)).size() != 2_000 + 1 + 2
                                || Autograd.grad(y, x, false).value().item() != factor + 1) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Graph.topologicalOrder(List.of(base))).as("no mark left behind").hasSize(2_000 + 1);
    }
}
