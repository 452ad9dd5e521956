package dev.resumescreening.registry;

import dev.resumescreening.screening.SimilarityModel;

/**
 * Which versions are live: the champion, and optionally a challenger that scores {@code challengerWeight} percent of
 * results (0-100). Before any activation the similarity model is the champion.
 */
public record ActivePointer(String championVersion, String challengerVersion, int challengerWeight, String updatedAt) {
    public static final ActivePointer INITIAL = new ActivePointer(SimilarityModel.VERSION, null, 0, null);

    public boolean hasChallenger() {
        return challengerVersion != null && challengerWeight > 0;
    }
}
