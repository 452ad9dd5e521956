package dev.resumescreening.trainer;

import dev.resumescreening.functions.trainer.DjlModelTrainer;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.Hyperparameters.Key;
import dev.resumescreening.model.TrainingSet;
import dev.resumescreening.training.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Not a test: trains on 1,000 synthetic pairs of 1024-dim embeddings (100 jobs, with as many unreviewed resumes as a
 * run may draw on: {@link TrainingData#UNREVIEWED_PER_RUN}) for 50 epochs with early stopping disabled and prints wall
 * time and peak resident memory (VmHWM), then times what the training function does with them: the same
 * training plus the gate's 5-fold cross-validation. Target: at most 60 s and 1.5 GB on 2 cores.
 *
 * <pre>mvn -q -pl functions/trainer exec:java ...   or   java -cp 'target/classes:target/lib/*' dev.resumescreening.trainer.TrainingBenchmark</pre>
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {}

    public static void main(String[] args) throws IOException {
        DjlRuntime.configure();
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        // as many unreviewed resumes as a run may draw on: 200 a job, 10,000 in all (SyntheticPairs: a job per 10
        // pairs)
        int unreviewedPerJob =
                Math.min(TrainingData.UNREVIEWED_PER_JOB, TrainingData.UNREVIEWED_PER_RUN / Math.max(1, samples / 10));
        TrainingSet data = SyntheticPairs.generate(samples, unreviewedPerJob, 1024, 0.3, 0.3, 0.7, 0.45, 7);
        Hyperparameters hp = Hyperparameters.defaults().with(Key.EPOCHS, epochs).with(Key.PATIENCE, 0);
        long start = System.nanoTime();
        TrainingOutcome outcome = new MlpTrainer().train(data, hp);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "samples=%d unreviewed=%d dim=1024 features=%d hidden=%d batch=%d epochs_run=%d best_epoch=%d%n",
                samples,
                data.unreviewed().size(),
                outcome.weights().inputDim(),
                hp.hiddenSize(),
                hp.batchSize(),
                outcome.epochsRun(),
                outcome.bestEpoch());
        System.out.printf(
                Locale.ROOT,
                "training_time_s=%.2f (incl. engine load; trainer reports %.2f)%n",
                seconds,
                outcome.trainingDuration().toMillis() / 1000.0);
        System.out.printf(
                Locale.ROOT,
                "test_auc=%.4f test_accuracy=%.4f%n",
                outcome.testMetrics().rocAuc(),
                outcome.testMetrics().accuracy());
        long withFolds = System.nanoTime();
        new DjlModelTrainer(hp, Clock.systemUTC()).train(data, "benchmark", line -> {});
        System.out.printf(
                Locale.ROOT, "training_with_cross_validation_s=%.2f%n", (System.nanoTime() - withFolds) / 1e9);
        System.out.println("peak_rss=" + peakRss() + " threads=" + System.getProperty(DjlRuntime.NUM_THREADS) + " cpus="
                + Runtime.getRuntime().availableProcessors());
    }

    static String peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                String kb = line.substring(6).trim().split("\\s+")[0];
                return String.format(Locale.ROOT, "%.1f MB", Long.parseLong(kb) / 1024.0);
            }
        }
        return "unknown";
    }
}
