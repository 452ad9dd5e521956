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
 * <p>Warm start: with {@code baseline_steepness > 0} the network starts as exactly the similarity model (see
 * {@code initialise}) and that starting point is "epoch 0" of early stopping, so training can only refine the
 * baseline, and with few or unhelpful reviews the served weights stay the baseline's.
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
        return train(samples, hp, finalModelHook, hp.epochs());
    }

    /** With {@code epochLimit} 0 nothing is trained: tests see the initial (warm-started) network. */
    TrainingOutcome train(List<TrainingSample> samples, Hyperparameters hp, Consumer<DjlProbe> finalModelHook,
            int epochLimit) {
        Objects.requireNonNull(hp, "hyperparameters");
        checkSamples(samples);
        if (epochLimit == 0 && !hp.warmStart()) {
            throw new IllegalArgumentException("an untrained network is only defined with a warm start");
        }
        synchronized (GLOBAL_RANDOM_STATE) {
            try {
                return doTrain(samples, hp, finalModelHook, Math.min(epochLimit, hp.epochs()));
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

    private TrainingOutcome doTrain(List<TrainingSample> samples, Hyperparameters hp, Consumer<DjlProbe> hook,
            int epochLimit) throws IOException, TranslateException {
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
        boolean[] used = usedFeatures(hp.features(), embeddingDim);
        float[] trainX = scaler.transform(features, trainRows);
        zeroUnused(trainX, used); // a feature the network may not use reads 0, so its weights get no gradient
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
                initialise(hiddenLayer, outputLayer, inputDim, hidden, used, scaler, hp);
                int sinceBest = 0;
                if (hp.warmStart()) {
                    // epoch 0 = the similarity baseline itself: training must beat it on validation loss to move
                    float[][] params = parameters(hiddenLayer, outputLayer);
                    MlpWeights weights = scaler.fold(inputDim, hidden, params[0], params[1], params[2], params[3][0]);
                    double[] valProbs = probabilities(new MlpClassifier(weights), features, valRows);
                    bestValLoss = bce(valProbs, labels, valRows, positiveWeight);
                    bestParams = params;
                    bestWeights = weights;
                    String line = String.format(Locale.ROOT,
                            "epoch   0/%d (warm start: similarity center=%.4f steepness=%.4f) val_loss=%.5f val_auc=%.4f *",
                            hp.epochs(), hp.baselineCenter(), hp.baselineSteepness(), bestValLoss,
                            ClassificationMetrics.rocAuc(valProbs, select(labels, valRows)));
                    lines.add(line);
                    log.accept(line);
                }
                for (int epoch = 1; epoch <= epochLimit; epoch++) {
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

    /**
     * Which of the {@code 2d+1} inputs the network may use: everything, the products and the cosine, or the cosine
     * only (see {@link Hyperparameters#features()}).
     */
    static boolean[] usedFeatures(String featureSet, int embeddingDim) {
        int inputDim = PairFeatures.dimension(embeddingDim);
        boolean[] used = new boolean[inputDim];
        used[inputDim - 1] = true; // the cosine
        boolean products = !Hyperparameters.FEATURES_COSINE.equals(featureSet);
        boolean differences = Hyperparameters.FEATURES_ALL.equals(featureSet);
        for (int i = 0; i < embeddingDim; i++) {
            used[i] = products;
            used[embeddingDim + i] = differences;
        }
        return used;
    }

    private static void zeroUnused(float[] rowMajor, boolean[] used) {
        int d = used.length;
        for (int i = 0; i < d; i++) {
            if (!used[i]) {
                for (int base = 0; base < rowMajor.length; base += d) {
                    rowMajor[base + i] = 0f;
                }
            }
        }
    }

    /**
     * Sets the parameters after DJL's initialisation (Xavier for weights, zero biases). Weights of unused features are
     * zeroed (their inputs are 0, so they stay 0 and the folded served weights ignore them). With a warm start
     * (hp.baselineSteepness() > 0) the network computes exactly the similarity model's logit
     * {@code s * (cos - c)} on the standardised cosine {@code z = (cos - mean) / scale}: hidden unit 0 is
     * {@code relu(s*scale*z + s*(mean - c))}, unit 1 its negation, the output {@code unit0 - unit1 + 0}; the other
     * units keep their random input weights but start with output weight 0, so they contribute only what training
     * gives them.
     */
    private static void initialise(Linear hiddenLayer, Linear outputLayer, int inputDim, int hidden, boolean[] used,
            FeatureScaler scaler, Hyperparameters hp) {
        float[][] p = parameters(hiddenLayer, outputLayer);
        float[] w1 = p[0];
        float[] b1 = p[1];
        float[] w2 = p[2];
        float[] b2 = p[3];
        for (int h = 0; h < hidden; h++) {
            for (int i = 0; i < inputDim; i++) {
                if (!used[i]) {
                    w1[h * inputDim + i] = 0f;
                }
            }
        }
        if (hp.warmStart()) {
            if (hidden < 2) {
                throw new IllegalArgumentException("the warm start needs hidden_size >= 2, got " + hidden);
            }
            int cosine = inputDim - 1;
            double s = hp.baselineSteepness();
            double slope = s * scaler.scale[cosine];
            double offset = s * (scaler.mean[cosine] - hp.baselineCenter());
            java.util.Arrays.fill(w1, 0, 2 * inputDim, 0f);
            w1[cosine] = (float) slope;
            w1[inputDim + cosine] = (float) -slope;
            b1[0] = (float) offset;
            b1[1] = (float) -offset;
            java.util.Arrays.fill(w2, 0f);
            w2[0] = 1f;
            w2[1] = -1f;
            b2[0] = 0f;
        }
        restore(hiddenLayer, outputLayer, new float[][] {w1, b1, w2, b2});
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
