package dev.gradproof.autograd.kernel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Splits the rows of a product into fixed chunks that the calling thread and helpers of the
 * common fork-join pool claim one at a time.
 *
 * <p>The calling thread claims chunks too and waits only for chunks a helper has already started,
 * so the split never deadlocks and never waits on a busy pool: if no helper gets to run, the
 * caller computes every chunk itself. Which thread computes a chunk does not change its result.
 * A call made from inside a fork-join pool (an outer parallel loop already using the cores) runs
 * on the calling thread alone.
 */
final class ParallelRows {

    /** Computes rows {@code [start, end)}. */
    @FunctionalInterface
    interface RowRange {
        void compute(int start, int end);
    }

    private ParallelRows() {
    }

    /** Threads that may work on one product: the processors the JVM may use. */
    static int threads() {
        return ForkJoinTask.inForkJoinPool() ? 1
                : Math.min(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1);
    }

    /** Runs {@code range} over {@code [0, rows)} in chunks of {@code chunkRows} rows. */
    static void run(int rows, int chunkRows, RowRange range) {
        int chunks = (rows + chunkRows - 1) / chunkRows;
        int helpers = Math.min(threads() - 1, chunks - 1);
        if (helpers <= 0) {
            range.compute(0, rows);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(chunks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
                try {
                    int start = chunk * chunkRows;
                    range.compute(start, Math.min(rows, start + chunkRows));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int h = 0; h < helpers; h++) {
            ForkJoinPool.commonPool().execute(worker);
        }
        worker.run();
        awaitUninterruptibly(done);
        Throwable t = failure.get();
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
