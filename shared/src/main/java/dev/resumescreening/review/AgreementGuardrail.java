package dev.resumescreening.review;

import dev.resumescreening.config.Settings;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.registry.Activation;
import dev.resumescreening.registry.ModelRegistry;
import dev.resumescreening.review.ReviewCounts.Agreement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Watches a newly activated champion in production: when reviewers have judged GUARDRAIL_REVIEWS of the results it
 * scored, its agreement with them is compared with the previous champion's, and if it is significantly lower
 * (one-sided two-proportion z-test at 5%) the champion is rolled back, with the figures recorded in the activation
 * history. The gate judged the model on past reviews; this judges it on the resumes it actually screened.
 */
@Singleton
public final class AgreementGuardrail {
    /** z of the one-sided 5% level. */
    static final double CRITICAL_Z = 1.6449;
    /** The previous champion's agreement is only a yardstick when it rests on at least this many reviews. */
    static final long MIN_BASELINE_REVIEWS = 20;

    public static final String ACTOR = "guardrail";

    private final ReviewStore reviews;
    private final ModelRegistry registry;
    private final long window;

    @Inject
    public AgreementGuardrail(ReviewStore reviews, ModelRegistry registry, Settings settings) {
        this.reviews = reviews;
        this.registry = registry;
        this.window = settings.longValue("GUARDRAIL_REVIEWS");
    }

    /**
     * After a first review of a result scored by {@code version}. It runs on every review, so the one read that rules
     * out almost all of them (the counters: has this version just reached the window?) comes first.
     */
    public void afterReview(String version) {
        if (window <= 0) {
            return;
        }
        Map<String, Agreement> agreement = reviews.agreementByModel();
        Agreement champion = agreement.getOrDefault(version, new Agreement(0, 0));
        if (champion.reviewed() != window || !version.equals(registry.pointer().championVersion())) {
            return;
        }
        Optional<Activation> activation = registry.latestActivation()
                .filter(latest -> !latest.isRollback()
                        && version.equals(latest.championVersion())
                        && latest.previousChampion() != null
                        && !version.equals(latest.previousChampion()));
        if (activation.isEmpty()) {
            return;
        }
        String previous = activation.get().previousChampion();
        Agreement before = agreement.getOrDefault(previous, new Agreement(0, 0));
        if (before.reviewed() < MIN_BASELINE_REVIEWS || !significantlyLower(champion, before)) {
            return;
        }
        String why = String.format(
                Locale.ROOT,
                "guardrail: reviewers agreed with %d of %d of its decisions (%.1f%%),"
                        + " significantly fewer than the %d of %d (%.1f%%) of model %s before it",
                champion.agreed(),
                champion.reviewed(),
                100 * champion.rate(),
                before.agreed(),
                before.reviewed(),
                100 * before.rate(),
                previous);
        registry.rollback(ACTOR, why);
        JsonLog.warn(
                "model.guardrail_rollback",
                Map.of(
                        "version",
                        version,
                        "restored",
                        previous,
                        "agreement",
                        champion.rate(),
                        "previous_agreement",
                        before.rate()));
    }

    /** One-sided two-proportion z-test: is {@code now}'s agreement rate below {@code before}'s at the 5% level? */
    static boolean significantlyLower(Agreement now, Agreement before) {
        double pooled = (double) (now.agreed() + before.agreed()) / (now.reviewed() + before.reviewed());
        double spread = Math.sqrt(pooled * (1 - pooled) * (1.0 / now.reviewed() + 1.0 / before.reviewed()));
        if (spread == 0) {
            return false;
        }
        return (before.rate() - now.rate()) / spread > CRITICAL_Z;
    }
}
