package dev.resumescreening.training;

import dev.resumescreening.config.Settings;
import dev.resumescreening.model.ClassificationMetrics;
import dev.resumescreening.model.MlpClassifier;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.ports.ScoringModel;
import dev.resumescreening.registry.ModelRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Decides whether a candidate goes live: the candidate and the live champion are scored on the same held-out test
 * samples, and the candidate is activated only if its ROC AUC beats the champion's by at least ACTIVATION_MARGIN
 * (strictly, when the margin is 0: a tie keeps the model that is already live). The similarity model counts as a
 * champion like any other. A losing candidate is kept as REJECTED; a replaced champion stays registered (RETIRED),
 * ready for rollback.
 */
@Singleton
public final class CandidateGate {
    private static final double ROUNDING = 1e-12;

    private final ModelRegistry registry;
    private final double margin;

    @Inject
    public CandidateGate(ModelRegistry registry, Settings settings) {
        this.registry = registry;
        this.margin = settings.doubleValue("ACTIVATION_MARGIN");
    }

    public record Verdict(String activeVersion, Map<String, Object> metrics, boolean activated, String reason) {
    }

    /** Registers the candidate (stored under {@code artifactPrefix}) and activates it if it wins. */
    public Verdict decide(ModelArtifact candidate, String version, String artifactPrefix,
                          List<TrainingSample> testSamples, String runId) {
        String activeVersion = registry.pointer().championVersion();
        ScoringModel active = registry.scoringModel(activeVersion);
        MlpClassifier classifier = candidate.verify().classifier();
        int[] labels = new int[testSamples.size()];
        double[] candidateScores = new double[labels.length];
        double[] activeScores = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            TrainingSample sample = testSamples.get(i);
            labels[i] = sample.label();
            candidateScores[i] = classifier.probability(sample.resume(), sample.job());
            activeScores[i] = active.probability(sample.resume(), sample.job());
        }
        ClassificationMetrics candidateMetrics = ClassificationMetrics.compute(candidateScores, labels);
        ClassificationMetrics activeMetrics = ClassificationMetrics.compute(activeScores, labels);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("candidate", candidateMetrics.toMap());
        metrics.put("active", activeMetrics.toMap());
        metrics.put("active_version", activeVersion);
        metrics.put("test_samples", labels.length);
        metrics.put("activation_margin", margin);

        registry.registerArtifact(candidate, version, artifactPrefix, metrics, runId);
        String reason = reason(candidateMetrics.rocAuc(), activeMetrics.rocAuc(), activeVersion);
        boolean wins = wins(candidateMetrics.rocAuc(), activeMetrics.rocAuc(), margin);
        if (wins) {
            registry.activate(version, null, null, "training:" + runId, reason);
        } else {
            registry.reject(version);
        }
        return new Verdict(activeVersion, metrics, wins, reason);
    }

    static boolean wins(double candidateAuc, double activeAuc, double margin) {
        if (Double.isNaN(candidateAuc) || Double.isNaN(activeAuc)) {
            return false;
        }
        // a margin met exactly must count, whatever the last bit of the floating-point sum
        return margin > 0 ? candidateAuc - activeAuc >= margin - ROUNDING : candidateAuc > activeAuc;
    }

    private String reason(double candidateAuc, double activeAuc, String activeVersion) {
        if (Double.isNaN(candidateAuc) || Double.isNaN(activeAuc)) {
            return "held-out split has a single class, so ROC AUC is undefined; model " + activeVersion + " stays live";
        }
        return String.format(Locale.ROOT, "candidate ROC AUC %.4f vs %.4f of model %s (margin %.4f): %s",
                candidateAuc, activeAuc, activeVersion, margin,
                wins(candidateAuc, activeAuc, margin) ? "activated" : "rejected");
    }
}
