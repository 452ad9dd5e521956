package dev.resumescreening.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ScreeningResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportFilterTest {
    private static ScreeningResult reviewed(double confidence, boolean corrected) {
        return new ScreeningResult(
                "r",
                "j",
                "",
                70.0,
                Decision.SHORTLIST,
                confidence,
                "0",
                "t",
                new ScreeningResult.Document("f", "text/plain", "o", "t", true, 1, 1, 1),
                new ScreeningResult.Review(corrected ? Decision.REJECT : Decision.SHORTLIST, "a", "t", "", corrected));
    }

    @Test
    void filtersByConfidenceAndStatus() {
        assertTrue(ExportFilter.ALL.accepts(reviewed(0.5, true)));
        assertFalse(ExportFilter.of(0.8, null, null).accepts(reviewed(0.7, false)));
        assertTrue(ExportFilter.of(0.8, null, "agreed").accepts(reviewed(0.9, false)));
        assertFalse(ExportFilter.of(null, null, "agreed").accepts(reviewed(0.9, true)));
        assertTrue(ExportFilter.of(null, null, "CORRECTED").accepts(reviewed(0.9, true)));
    }

    @Test
    void daysBecomeTheEarliestReviewTime() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertEquals(
                Instant.parse("2026-11-19T10:00:00Z"),
                ExportFilter.of(null, 7, null).reviewedSince(now));
        assertNull(ExportFilter.ALL.reviewedSince(now));
    }

    @Test
    void refusesNonsense() {
        assertEquals(
                "invalid_status",
                assertThrows(ProblemException.class, () -> ExportFilter.of(null, null, "done"))
                        .code());
        assertEquals(
                "invalid_days",
                assertThrows(ProblemException.class, () -> ExportFilter.of(null, 0, null))
                        .code());
        assertEquals(
                "invalid_min_confidence",
                assertThrows(ProblemException.class, () -> ExportFilter.of(1.5, null, null))
                        .code());
    }
}
