package io.github.partnerattribution.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A load run: many calls shared out over many threads at once, for the load tests of each client module. */
public final class Load {
    /** One call; true when it succeeded. */
    @FunctionalInterface
    public interface Call {
        boolean run() throws Exception;
    }

    private Load() {
    }

    /**
     * Makes {@code calls} calls from {@code threads} threads (each its share, started together) and returns how many
     * succeeded; a call that throws counts as failed.
     */
    public static int run(int threads, int calls, Call call) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = calls / threads + (t < calls % threads ? 1 : 0);
                work.add(() -> {
                    int ok = 0;
                    for (int i = 0; i < share; i++) {
                        try {
                            ok += call.run() ? 1 : 0;
                        } catch (Exception failed) {
                            // counted: the caller compares the successes with the calls
                        }
                    }
                    return ok;
                });
            }
            int ok = 0;
            for (Future<Integer> f : pool.invokeAll(work)) {
                ok += f.get();
            }
            return ok;
        } finally {
            pool.shutdownNow();
        }
    }
}
