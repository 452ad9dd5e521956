package dev.resumescreening.export;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ScreeningResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Which reviewed samples to export, as the guide's export script filters them: the AI's confidence at least
 * {@code minConfidence}, reviewed in the last {@code days} days, and by {@code status}: completed (every review),
 * agreed (the human confirmed the AI) or corrected (the human changed the decision).
 */
public record ExportFilter(Double minConfidence, Integer days, Status status) {
    public enum Status {
        COMPLETED,
        AGREED,
        CORRECTED
    }

    public static final ExportFilter ALL = new ExportFilter(null, null, Status.COMPLETED);

    public static ExportFilter of(Double minConfidence, Integer days, String status) {
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
            throw ProblemException.invalid("invalid_min_confidence", "min_confidence must be from 0 to 1");
        }
        if (days != null && days < 1) {
            throw ProblemException.invalid("invalid_days", "days must be a positive whole number");
        }
        Status parsed = Status.COMPLETED;
        if (status != null) {
            try {
                parsed = Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("invalid_status", "status must be one of: completed, agreed, corrected");
            }
        }
        return new ExportFilter(minConfidence, days, parsed);
    }

    /** The earliest review time to read, so the index query skips older reviews instead of filtering them. */
    public Instant reviewedSince(Instant now) {
        return days == null ? null : now.minus(Duration.ofDays(days));
    }

    public boolean accepts(ScreeningResult result) {
        if (minConfidence != null && (result.confidence() == null || result.confidence() < minConfidence)) {
            return false;
        }
        boolean corrected = result.review().needsRetraining();
        return switch (status) {
            case COMPLETED -> true;
            case AGREED -> !corrected;
            case CORRECTED -> corrected;
        };
    }
}
