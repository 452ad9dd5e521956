package dev.resumescreening.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the screening decided. MANUAL_REVIEW is for resumes with no text to score (scanned images). */
public enum Decision {
    SHORTLIST,
    REJECT,
    MANUAL_REVIEW;

    public static Decision forScore(double score, double threshold) {
        return score >= threshold ? SHORTLIST : REJECT;
    }

    /** The two decisions a human may give, as the API spells them. */
    public static Optional<Decision> fromHuman(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(new Decision[] {SHORTLIST, REJECT})
                .filter(d -> d.name().equals(normalized))
                .findFirst();
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
