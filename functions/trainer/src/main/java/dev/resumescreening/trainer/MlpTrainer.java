package dev.resumescreening.trainer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import dev.resumescreening.model.ClassificationMetrics;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.MlpClassifier;
import dev.resumescreening.model.MlpWeights;
import dev.resumescreening.model.ModelMetadata;
import dev.resumescreening.model.PairFeatures;
import dev.resumescreening.model.StratifiedSplit;
import dev.resumescreening.model.TrainingSample;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trains the pair classifier with DJL on the PyTorch engine (CPU):
 * {@code Linear(hidden) -> ReLU -> Linear(1)} on standardised {@link PairFeatures}, sigmoid binary cross-entropy on
 * the logit, Adam, seeded shuffled mini-batches from an {@link ArrayDataset}, early stopping on validation loss with the
 * best epoch's weights kept. The exported {@link MlpWeights} take raw features (the standardisation is folded into the
 * first layer, see {@link FeatureScaler}) and all reported metrics are computed with the plain-Java
 * {@link MlpClassifier} on exactly those weights.
 *
 * <p>Class imbalance: by default the loss is unweighted, so the served probability stays calibrated to the label
 * rates the reviewers produce; the split is stratified and ROC AUC (threshold-free) is the headline metric. Setting
 * {@code balance_classes=true} weights positives by negatives/positives of the training split (PyTorch's
 * {@code pos_weight}), which raises recall at 0.5 at the cost of calibration.
 *
 * <p>Deterministic for a seed (given single-threaded kernels, see {@link DjlRuntime}). DJL keeps its random state in
 * process-wide statics, so calls are serialised on a global lock.
 */
public final class MlpTrainer {

    /** Fewer labelled pairs than this cannot be split into train/validation/test meaningfully. */
    public static final int MIN_SAMPLES = 10;
    /** Each class needs this many samples so train, validation and test each see it. */
    public static final int MIN_PER_CLASS = 3;

    private static final Object GLOBAL_RANDOM_STATE = new Object();

    private final Consumer<String> log;

    public MlpTrainer() {
        this(line -> { });
    }

    /** @param log receives one line per epoch and a summary (e.g. {@code System.out::println}). */
    public MlpTrainer(Consumer<String> log) {
        DjlRuntime.configure();
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Runs DJL's forward pass on raw features; given to test hooks while the trained model is still open. */
    interface DjlProbe {
        double[] probabilities(float[][] rawFeatures);
    }

    /**
     * @throws IllegalArgumentException when the samples cannot support training (too few, one class, mixed
     *         embedding dimensions)
     */
    public TrainingOutcome train(List<TrainingSample> samples, Hyperparameters hp) {
        return train(samples, hp, null);
    }

    TrainingOutcome train(List<TrainingSample> samples, Hyperparameters hp, Consumer<DjlProbe> finalModelHook) {
        Objects.requireNonNull(hp, "hyperparameters");
        checkSamples(samples);
        synchronized (GLOBAL_RANDOM_STATE) {
            try {
                return doTrain(samples, hp, finalModelHook);
            } catch (IOException | TranslateException e) {
                throw new IllegalStateException("training failed: " + e.getMessage(), e);
            }
        }
    }

    static void checkSamples(List<TrainingSample> samples) {
        if (samples == null || samples.size() < MIN_SAMPLES) {
            throw new IllegalArgumentException("need at least " + MIN_SAMPLES + " labelled pairs to train, got "
                    + (samples == null ? 0 : samples.size()));
        }
        int positives = 0;
        int dim = samples.get(0).dimension();
        for (TrainingSample s : samples) {
            positives += s.label();
            if (s.dimension() != dim) {
                throw new IllegalArgumentException("sample " + s.id() + " has " + s.dimension()
                        + "-dim embeddings but sample " + samples.get(0).id() + " has " + dim);
            }
        }
        int negatives = samples.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("all " + samples.size() + " labelled pairs are "
                    + (positives == 0 ? "rejected (0)" : "shortlisted (1)")
                    + "; training needs both shortlisted and rejected examples");
        }
        if (positives < MIN_PER_CLASS || negatives < MIN_PER_CLASS) {
            throw new IllegalArgumentException("need at least " + MIN_PER_CLASS
                    + " shortlisted and " + MIN_PER_CLASS + " rejected pairs so that train, validation and test each"
                    + " contain both; got " + positives + " shortlisted and " + negatives + " rejected");
        }
    }

    private TrainingOutcome doTrain(List<TrainingSample> samples, Hyperparameters hp, Consumer<DjlProbe> hook)
            throws IOException, TranslateException {
        long start = System.nanoTime();
        int n = samples.size();
        int embeddingDim = samples.get(0).dimension();
        int inputDim = PairFeatures.dimension(embeddingDim);
        int hidden = hp.hiddenSize();

        float[][] features = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            TrainingSample s = samples.get(i);
            features[i] = PairFeatures.of(s.resume(), s.job());
            labels[i] = s.label();
        }
        StratifiedSplit split = StratifiedSplit.of(labels, hp.trainFraction(), hp.validationFraction(),
                hp.testFraction(), hp.seed());
        int[] trainRows = split.train();
        int[] valRows = split.validation();
        int[] testRows = split.test();
        int trainPositives = count(labels, trainRows);
        float positiveWeight = hp.balanceClasses()
                ? (float) (trainRows.length - trainPositives) / trainPositives
                : 1f;

        FeatureScaler scaler = FeatureScaler.fit(features, trainRows);
        float[] trainX = scaler.transform(features, trainRows);
        float[] trainY = new float[trainRows.length];
        for (int k = 0; k < trainRows.length; k++) {
            trainY[k] = labels[trainRows[k]];
        }

        Engine engine = Engine.getEngine(DjlRuntime.ENGINE);
        engine.setRandomSeed(hp.seed());

        Linear hiddenLayer = Linear.builder().setUnits(hidden).build();
        Linear outputLayer = Linear.builder().setUnits(1).build();
        SequentialBlock block = new SequentialBlock()
                .add(hiddenLayer)
                .add(Activation::relu)
                .add(outputLayer);

        List<TrainingOutcome.EpochStats> epochs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int bestEpoch = 0;
        double bestValLoss = Double.POSITIVE_INFINITY;
        float[][] bestParams = null;
        MlpWeights bestWeights = null;
        int epochsRun = 0;

        try (Model model = Model.newInstance("pair-mlp", Device.cpu(), DjlRuntime.ENGINE);
                NDManager data = model.getNDManager().newSubManager()) {
            model.setBlock(block);
            Optimizer adam = Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) hp.learningRate()))
                    .optWeightDecays((float) hp.weightDecay())
                    .build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(new WeightedSigmoidBinaryCrossEntropy(positiveWeight))
                    .optOptimizer(adam)
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optDevices(new Device[] {Device.cpu()});
            ArrayDataset dataset = new ArrayDataset.Builder()
                    .setData(data.create(trainX, new Shape(trainRows.length, inputDim)))
                    .optLabels(data.create(trainY, new Shape(trainRows.length, 1)))
                    .setSampling(hp.batchSize(), true)
                    .build();
            trainX = null; // the NDArray holds the copy now

            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, inputDim));
                int sinceBest = 0;
                for (int epoch = 1; epoch <= hp.epochs(); epoch++) {
                    double lossSum = 0;
                    long seen = 0;
                    for (Batch batch : trainer.iterateDataset(dataset)) {
                        try (batch) {
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
                                NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
                                collector.backward(loss);
                                lossSum += (double) loss.getFloat() * batch.getSize();
                                seen += batch.getSize();
                            }
                            trainer.step();
                        }
                    }
                    epochsRun = epoch;
                    float[][] params = parameters(hiddenLayer, outputLayer);
                    MlpWeights weights = scaler.fold(inputDim, hidden, params[0], params[1], params[2], params[3][0]);
                    double[] valProbs = probabilities(new MlpClassifier(weights), features, valRows);
                    double valLoss = bce(valProbs, labels, valRows, positiveWeight);
                    double valAuc = ClassificationMetrics.rocAuc(valProbs, select(labels, valRows));
                    double trainLoss = lossSum / Math.max(1, seen);
                    epochs.add(new TrainingOutcome.EpochStats(epoch, trainLoss, valLoss, valAuc));
                    String line = String.format(Locale.ROOT,
                            "epoch %3d/%d train_loss=%.5f val_loss=%.5f val_auc=%.4f", epoch, hp.epochs(), trainLoss,
                            valLoss, valAuc);
                    if (valLoss < bestValLoss) {
                        bestValLoss = valLoss;
                        bestEpoch = epoch;
                        bestParams = params;
                        bestWeights = weights;
                        sinceBest = 0;
                        line += " *";
                    } else {
                        sinceBest++;
                    }
                    lines.add(line);
                    log.accept(line);
                    if (!Double.isFinite(trainLoss)) {
                        throw new IllegalStateException("training diverged at epoch " + epoch
                                + " (loss " + trainLoss + "); lower learning_rate");
                    }
                    if (hp.patience() > 0 && sinceBest >= hp.patience()) {
                        String stop = "early stop after epoch " + epoch + ": no lower validation loss for "
                                + hp.patience() + " epochs; keeping epoch " + bestEpoch;
                        lines.add(stop);
                        log.accept(stop);
                        break;
                    }
                }
                if (hook != null) {
                    restore(hiddenLayer, outputLayer, bestParams);
                    hook.accept(raw -> djlProbabilities(model, block, scaler, raw));
                }
            }
        }

        MlpClassifier classifier = new MlpClassifier(bestWeights);
        ClassificationMetrics test = ClassificationMetrics.compute(probabilities(classifier, features, testRows),
                select(labels, testRows));
        ClassificationMetrics validation = ClassificationMetrics.compute(probabilities(classifier, features, valRows),
                select(labels, valRows));
        List<String> testIds = new ArrayList<>(testRows.length);
        for (int r : testRows) {
            testIds.add(samples.get(r).id());
        }
        int positives = count(labels, allRows(n));
        ModelMetadata.SampleCounts counts = new ModelMetadata.SampleCounts(n, positives, n - positives,
                trainRows.length, valRows.length, testRows.length);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        String summary = String.format(Locale.ROOT,
                "best epoch %d of %d; test auc=%.4f acc=%.4f f1=%.4f (n=%d); %.1f s", bestEpoch, epochsRun,
                test.rocAuc(), test.accuracy(), test.f1(), test.total(), duration.toMillis() / 1000.0);
        lines.add(summary);
        log.accept(summary);
        return new TrainingOutcome(bestWeights, test, validation, bestEpoch, epochsRun, List.copyOf(epochs),
                List.copyOf(lines), testRows, List.copyOf(testIds), counts, embeddingDim, hp, positiveWeight,
                duration);
    }

    /** {W1 [hidden*input], b1 [hidden], w2 [hidden], b2 [1]} in DJL's layout (Linear weight is [out, in]). */
    private static float[][] parameters(Linear hiddenLayer, Linear outputLayer) {
        return new float[][] {
            hiddenLayer.getParameters().get("weight").getArray().toFloatArray(),
            hiddenLayer.getParameters().get("bias").getArray().toFloatArray(),
            outputLayer.getParameters().get("weight").getArray().toFloatArray(),
            outputLayer.getParameters().get("bias").getArray().toFloatArray(),
        };
    }

    private static void restore(Linear hiddenLayer, Linear outputLayer, float[][] params) {
        hiddenLayer.getParameters().get("weight").getArray().set(params[0]);
        hiddenLayer.getParameters().get("bias").getArray().set(params[1]);
        outputLayer.getParameters().get("weight").getArray().set(params[2]);
        outputLayer.getParameters().get("bias").getArray().set(params[3]);
    }

    private static double[] djlProbabilities(Model model, SequentialBlock block, FeatureScaler scaler, float[][] raw) {
        int[] rows = allRows(raw.length);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(scaler.transform(raw, rows), new Shape(raw.length, raw[0].length));
            NDArray logits = block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            float[] p = Activation.sigmoid(logits).toFloatArray();
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i];
            }
            return out;
        }
    }

    static double[] probabilities(MlpClassifier classifier, float[][] features, int[] rows) {
        double[] p = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            p[k] = classifier.probability(features[rows[k]]);
        }
        return p;
    }

    /** Same objective as training, on probabilities (clamped so a confident mistake costs ~34.5, not infinity). */
    private static double bce(double[] probs, int[] labels, int[] rows, double positiveWeight) {
        if (rows.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = 0; k < rows.length; k++) {
            double p = Math.min(1 - 1e-15, Math.max(1e-15, probs[k]));
            sum += labels[rows[k]] == 1 ? -positiveWeight * Math.log(p) : -Math.log(1 - p);
        }
        return sum / rows.length;
    }

    private static int[] select(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return out;
    }

    private static int count(int[] labels, int[] rows) {
        int c = 0;
        for (int r : rows) {
            c += labels[r];
        }
        return c;
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
