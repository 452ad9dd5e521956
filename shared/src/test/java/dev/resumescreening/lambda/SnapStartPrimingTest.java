package dev.resumescreening.lambda;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {
    @Test
    void runsThePrimingBeforeTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();
        SnapStartPriming priming = SnapStartPriming.register("jobs", runs::incrementAndGet);

        priming.beforeCheckpoint(null);

        assertEquals(1, runs.get());
    }

    @Test
    void aFailedPrimingDoesNotFailTheCheckpoint() {
        SnapStartPriming priming = SnapStartPriming.register("jobs", () -> {
            throw new IllegalStateException("no network while priming");
        });

        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
    }
}
