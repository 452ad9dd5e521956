package dev.resumescreening.lambda;

import dev.resumescreening.logging.JsonLog;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Work a function does once before Lambda SnapStart snapshots it, so that containers restored from the snapshot
 * start with the request path's classes loaded and its AWS clients connected instead of paying for that on their
 * first request. Outside SnapStart (the local runner, tests, a plain JVM) no checkpoint is taken and nothing runs.
 */
public final class SnapStartPriming implements Resource {
    private final String function;
    private final Runnable priming;

    SnapStartPriming(String function, Runnable priming) {
        this.function = function;
        this.priming = priming;
    }

    /**
     * Registers {@code priming} to run before the snapshot. The global context holds its resources weakly: keep the
     * returned resource referenced for as long as the function lives.
     */
    public static SnapStartPriming register(String function, Runnable priming) {
        SnapStartPriming resource = new SnapStartPriming(function, priming);
        Core.getGlobalContext().register(resource);
        return resource;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        try {
            priming.run();
            JsonLog.info(
                    "snapstart.primed",
                    Map.of("function", function, "duration_ms", (System.nanoTime() - started) / 1_000_000));
        } catch (RuntimeException failed) {
            // an unprimed snapshot is only slower on its first request; a failed checkpoint fails the deployment
            JsonLog.warn(
                    "snapstart.priming_failed",
                    Map.of(
                            "function",
                            function,
                            "error",
                            failed.getClass().getName(),
                            "stack_trace",
                            JsonLog.stackTrace(failed)));
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {}
}
