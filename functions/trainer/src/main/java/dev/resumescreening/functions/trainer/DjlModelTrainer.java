package dev.resumescreening.functions.trainer;

import dev.resumescreening.model.ClassificationMetrics;
import dev.resumescreening.model.CrossValidation;
import dev.resumescreening.model.FeedbackStatistics;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.MlpClassifier;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.model.TrainingSet;
import dev.resumescreening.trainer.MlpTrainer;
import dev.resumescreening.trainer.TrainingOutcome;
import dev.resumescreening.training.GateEvidence;
import dev.resumescreening.training.ModelTrainer;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Trains in this process with DJL (libtorch from the image), as the SageMaker entry point does, then cross-validates
 * the same procedure so that the gate can judge it on every reviewed pair (see {@link CrossValidation}); with fewer
 * than {@link CrossValidation#MIN_PER_CLASS} pairs of a class the gate gets the model's own test split.
 */
public final class DjlModelTrainer implements ModelTrainer {
    private final Hyperparameters hyperparameters;
    private final Clock clock;

    public DjlModelTrainer(Hyperparameters hyperparameters, Clock clock) {
        this.hyperparameters = hyperparameters;
        this.clock = clock;
    }

    @Override
    public TrainedCandidate train(TrainingSet set, String version, Consumer<String> log) {
        TrainingOutcome outcome = new MlpTrainer(log).train(set, hyperparameters);
        ModelArtifact artifact = outcome.toArtifact(version, clock.instant()).verify();
        Set<String> testIds = new HashSet<>(outcome.testSampleIds());
        // the job feedback the model serves with holds every pair, its test split's too
        Set<String> seen = new HashSet<>();
        set.reviewed().forEach(sample -> seen.add(sample.id()));
        return new TrainedCandidate(artifact, evidence(set, testIds, artifact.classifier(), log), seen);
    }

    private GateEvidence evidence(TrainingSet set, Set<String> testIds, MlpClassifier served, Consumer<String> log) {
        List<TrainingSample> samples = set.reviewed();
        FeedbackStatistics.Unreviewed unreviewed =
                FeedbackStatistics.Unreviewed.judgedBy(set.unreviewed(), hyperparameters);
        if (!CrossValidation.feasible(samples)) {
            log.accept("cross-validation skipped: it needs " + CrossValidation.MIN_PER_CLASS
                    + " pairs of each class; the gate judges the model's own test split");
            return GateEvidence.testSplit(
                    served,
                    samples,
                    samples.stream().filter(s -> testIds.contains(s.id())).toList(),
                    unreviewed);
        }
        MlpTrainer quiet = new MlpTrainer();
        // each fold's network scores its held-out pairs with the job feedback of every other pair, as the served
        // model will score new resumes, and as the gate scores the live model (see CandidateGate)
        FeedbackStatistics feedback = FeedbackStatistics.of(samples, unreviewed);
        double[] scores = CrossValidation.outOfFold(
                samples,
                hyperparameters.seed(),
                training -> {
                    MlpClassifier network =
                            new MlpClassifier(quiet.train(new TrainingSet(training, set.unreviewed()), hyperparameters)
                                    .weights());
                    return sample -> network.probability(feedback.leaveOneOutFeatures(sample));
                },
                (fold, trained, heldOut, labels) -> log.accept(String.format(
                        Locale.ROOT,
                        "cross-validation fold %d/%d: trained on %d pairs, held-out ROC AUC %.4f on %d pairs",
                        fold,
                        CrossValidation.FOLDS,
                        trained,
                        ClassificationMetrics.rocAuc(heldOut, labels),
                        labels.length)));
        return new GateEvidence(GateEvidence.CROSS_VALIDATION, samples, scores, unreviewed);
    }
}
