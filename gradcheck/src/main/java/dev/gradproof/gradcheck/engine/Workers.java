package dev.gradproof.gradcheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs independent tasks over several threads, each worker with its own copy of the point, so that
 * perturbing one element never disturbs another worker. Results come back in task order, so the
 * outcome does not depend on the number of threads.
 */
final class Workers {

    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();
    /** Elements above which each worker gets a single copy of the point. */
    private static final long LARGE_POINT = 1_000_000;

    private Workers() {
    }

    /** The body of a task: compute something at task index {@code task}, perturbing {@code work} and restoring it. */
    @FunctionalInterface
    interface Task<T> {
        T run(double[][] work, int task);
    }

    static <T> List<T> run(int tasks, int parallelism, double[][] point, Task<T> body) {
        long size = 0;
        for (double[] p : point) {
            size += p.length;
        }
        return run(tasks, parallelism, size, () -> copy(point), body);
    }

    /** Runs tasks that never perturb the point in place (each probe a new array): no copy of it. */
    static <T> List<T> run(int tasks, int parallelism, IntFunction<T> body) {
        return run(tasks, parallelism, 0, () -> null, (work, t) -> body.apply(t));
    }

    private static <T> List<T> run(int tasks, int parallelism, long size, Supplier<double[][]> work, Task<T> body) {
        List<T> results = new ArrayList<>(tasks);
        if (parallelism <= 1 || tasks <= 1) {
            double[][] own = work.get();
            for (int t = 0; t < tasks; t++) {
                results.add(body.run(own, t));
            }
            return results;
        }
        // a few chunks per worker balance the load; for a large point, one per worker, as each holds a copy
        int chunks = Math.min(tasks, size > LARGE_POINT ? parallelism : parallelism * 4);
        List<Callable<List<T>>> calls = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) tasks * c / chunks);
            int to = (int) ((long) tasks * (c + 1) / chunks);
            calls.add(() -> {
                double[][] own = work.get();
                List<T> part = new ArrayList<>(to - from);
                for (int t = from; t < to; t++) {
                    part.add(body.run(own, t));
                }
                return part;
            });
        }
        ForkJoinPool pool = POOLS.computeIfAbsent(parallelism, ForkJoinPool::new);
        try {
            for (Future<List<T>> f : pool.invokeAll(calls)) {
                results.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradCheckException("gradient check interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new GradCheckException("gradient check failed: " + cause, cause);
        }
        return results;
    }

    static double[][] copy(double[][] point) {
        double[][] c = new double[point.length][];
        for (int i = 0; i < point.length; i++) {
            c[i] = point[i].clone();
        }
        return c;
    }
}
