package dev.resumescreening.trainer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
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
import dev.resumescreening.model.FeedbackStatistics;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.MlpClassifier;
import dev.resumescreening.model.MlpWeights;
import dev.resumescreening.model.ModelMetadata;
import dev.resumescreening.model.PairFeatures;
import dev.resumescreening.model.StratifiedSplit;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.model.TrainingSet;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Warm start: with {@code baseline_steepness > 0} the model is the similarity model moved by the job's feedback
 * (a fixed part, see {@link #fixedLogit}) plus the network's correction, which starts at zero; that starting point
 * is "epoch 0" of early stopping, so training can only refine it, and with few or unhelpful reviews the served
 * weights stay the fixed part's.
 *
 * <p>Class imbalance: by default the loss is unweighted, so the served probability stays calibrated to the label
 * rates the reviewers produce; the split is stratified and ROC AUC (threshold-free) is the headline metric. Setting
 * {@code balance_classes=true} weights positives by negatives/positives of the training split (PyTorch's
 * {@code pos_weight}), which raises recall at 0.5 at the cost of calibration.
 *
 * <p>Deterministic for a seed, given single-threaded kernels ({@link DjlRuntime}) and gradients computed only from
 * memory PyTorch owns (see {@link WeightedSigmoidBinaryCrossEntropy}: a garbage collection between the forward and the
 * backward pass changed a process's first training in about 1 of 60 runs, and corrupted any step it fell in). The
 * validation loss that picks the best epoch and stops early is computed in Java with {@code StrictMath}
 * ({@link #bce}, {@link MlpClassifier}), whose results are specified to the bit. DJL keeps its random state in
 * process-wide statics, so calls are serialised on a global lock.
 */
public final class MlpTrainer {

    /** Fewer labelled pairs than this cannot be split into train/validation/test meaningfully. */
    public static final int MIN_SAMPLES = 10;
    /** Each class needs this many samples so train, validation and test each see it. */
    public static final int MIN_PER_CLASS = 3;

    /**
     * A warm-started network's output is multiplied by this before it is added to the fixed part: its correction moves
     * a fifth as fast per step of Adam at the guide's learning rate (1e-4), so the first few dozen reviews cannot undo
     * what the similarity and the feedback know. At full speed, held-out ROC AUC on the real resumes fell below day one
     * (by 0.0007-0.0017) after 50-100 reviews picked by the review queue; damped it did not (+0.0004 to +0.0030), and
     * after 200-400 reviews it ranked as well (within 0.001) on the evaluation and the checking jobs.
     */
    static final float CORRECTION_SCALE = 0.2f;

    private static final Object GLOBAL_RANDOM_STATE = new Object();

    private final Consumer<String> log;

    public MlpTrainer() {
        this(line -> {});
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
        return train(TrainingSet.reviewedOnly(samples), hp);
    }

    /** The reviewed pairs train the network; the unreviewed resumes only add to their jobs' prototypes. */
    public TrainingOutcome train(TrainingSet set, Hyperparameters hp) {
        return train(set, hp, null, hp.epochs());
    }

    TrainingOutcome train(List<TrainingSample> samples, Hyperparameters hp, Consumer<DjlProbe> finalModelHook) {
        return train(TrainingSet.reviewedOnly(samples), hp, finalModelHook, hp.epochs());
    }

    /** With {@code epochLimit} 0 nothing is trained: tests see the initial (warm-started) network. */
    TrainingOutcome train(TrainingSet set, Hyperparameters hp, Consumer<DjlProbe> finalModelHook, int epochLimit) {
        Objects.requireNonNull(hp, "hyperparameters");
        checkSamples(set.reviewed());
        if (epochLimit == 0 && !hp.warmStart()) {
            throw new IllegalArgumentException("an untrained network is only defined with a warm start");
        }
        synchronized (GLOBAL_RANDOM_STATE) {
            try {
                return doTrain(set, hp, finalModelHook, Math.min(epochLimit, hp.epochs()));
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
        for (TrainingSample s : samples) {
            positives += s.label();
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

    private TrainingOutcome doTrain(TrainingSet set, Hyperparameters hp, Consumer<DjlProbe> hook, int epochLimit)
            throws IOException, TranslateException {
        long start = System.nanoTime();
        List<TrainingSample> samples = set.reviewed();
        int n = samples.size();
        int inputDim = PairFeatures.DIMENSION;
        int hidden = hp.hiddenSize();

        FeedbackStatistics feedback =
                FeedbackStatistics.of(samples, FeedbackStatistics.Unreviewed.judgedBy(set.unreviewed(), hp));
        if (!set.unreviewed().isEmpty()) {
            int[] clear = feedback.clearUnreviewed();
            log.accept(String.format(
                    Locale.ROOT,
                    "job feedback: %d of %d unreviewed resumes clear enough to join the prototypes (%d shortlist side,"
                            + " %d reject side)",
                    clear[0] + clear[1],
                    set.unreviewed().size(),
                    clear[0],
                    clear[1]));
        }
        float[][] features = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            TrainingSample s = samples.get(i);
            features[i] = feedback.leaveOneOutFeatures(s);
            labels[i] = s.label();
        }
        StratifiedSplit split =
                StratifiedSplit.of(labels, hp.trainFraction(), hp.validationFraction(), hp.testFraction(), hp.seed());
        int[] trainRows = split.train();
        int[] valRows = split.validation();
        int[] testRows = split.test();
        int trainPositives = count(labels, trainRows);
        float positiveWeight = hp.balanceClasses() ? (float) (trainRows.length - trainPositives) / trainPositives : 1f;

        FeatureScaler scaler = FeatureScaler.fit(features, trainRows);
        boolean[] used = usedFeatures(hp.features());
        float[] trainX = scaler.transform(features, trainRows);
        zeroUnused(trainX, used); // a feature the network may not use reads 0, so its weights get no gradient
        // label and the fixed similarity logit the network's output is added to (see WeightedSigmoidBinaryCrossEntropy)
        float[] trainY = new float[2 * trainRows.length];
        for (int k = 0; k < trainRows.length; k++) {
            trainY[2 * k] = labels[trainRows[k]];
            trainY[2 * k + 1] = (float) fixedLogit(features[trainRows[k]], hp, used);
        }

        Engine engine = Engine.getEngine(DjlRuntime.ENGINE);
        engine.setRandomSeed(hp.seed());

        List<TrainingOutcome.EpochStats> epochs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int bestEpoch = 0;
        double bestValLoss = Double.POSITIVE_INFINITY;
        float[][] bestParams = null;
        MlpWeights bestWeights = null;
        int epochsRun = 0;

        Linear hiddenLayer = Linear.builder().setUnits(hidden).build();
        Linear outputLayer = Linear.builder().setUnits(1).build();
        try (Model model = Model.newInstance("pair-mlp", Device.cpu(), DjlRuntime.ENGINE);
                NDManager data = model.getNDManager().newSubManager()) {
            SequentialBlock block =
                    new SequentialBlock().add(hiddenLayer).add(Activation::relu).add(outputLayer);
            if (hp.warmStart()) {
                block.add(scaledBy(model.getNDManager().create(CORRECTION_SCALE)));
            }
            model.setBlock(block);
            Optimizer adam = Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) hp.learningRate()))
                    .optWeightDecays((float) hp.weightDecay())
                    .build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(
                            new WeightedSigmoidBinaryCrossEntropy(positiveWeight))
                    .optOptimizer(adam)
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optDevices(new Device[] {Device.cpu()});
            ArrayDataset dataset = new ArrayDataset.Builder()
                    .setData(data.create(trainX, new Shape(trainRows.length, inputDim)))
                    .optLabels(data.create(trainY, new Shape(trainRows.length, 2)))
                    .setSampling(hp.batchSize(), true)
                    .build();
            trainX = null; // the NDArray holds the copy now

            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, inputDim));
                initialise(hiddenLayer, outputLayer, inputDim, hidden, used, hp);
                int sinceBest = 0;
                if (hp.warmStart()) {
                    // epoch 0 = the similarity baseline itself: training must beat it on validation loss to move
                    float[][] params = parameters(hiddenLayer, outputLayer);
                    MlpWeights weights = served(scaler, inputDim, hidden, params, hp, used);
                    double[] valProbs = probabilities(new MlpClassifier(weights), features, valRows);
                    bestValLoss = bce(valProbs, labels, valRows, positiveWeight);
                    bestParams = params;
                    bestWeights = weights;
                    String line = String.format(
                            Locale.ROOT,
                            "epoch   0/%d (warm start: similarity center=%.4f steepness=%.4f, job feedback weight"
                                    + " %.1f) val_loss=%.5f val_auc=%.4f *",
                            hp.epochs(),
                            hp.baselineCenter(),
                            hp.baselineSteepness(),
                            used[PairFeatures.FEEDBACK] ? FeedbackStatistics.FEEDBACK_WEIGHT : 0.0,
                            bestValLoss,
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
                    double trainLoss = lossSum / Math.max(1, seen);
                    if (!Double.isFinite(trainLoss)) {
                        if (bestParams == null) {
                            throw new IllegalStateException("training diverged at epoch " + epoch + " (loss "
                                    + trainLoss + "); lower learning_rate");
                        }
                        String stop = String.format(
                                Locale.ROOT,
                                "epoch %3d/%d train_loss=%s: diverged; keeping epoch %d, the best validated"
                                        + " (a lower learning_rate may train further)",
                                epoch,
                                hp.epochs(),
                                trainLoss,
                                bestEpoch);
                        lines.add(stop);
                        log.accept(stop);
                        break;
                    }
                    float[][] params = parameters(hiddenLayer, outputLayer);
                    MlpWeights weights = served(scaler, inputDim, hidden, params, hp, used);
                    double[] valProbs = probabilities(new MlpClassifier(weights), features, valRows);
                    double valLoss = bce(valProbs, labels, valRows, positiveWeight);
                    double valAuc = ClassificationMetrics.rocAuc(valProbs, select(labels, valRows));
                    epochs.add(new TrainingOutcome.EpochStats(epoch, trainLoss, valLoss, valAuc));
                    String line = String.format(
                            Locale.ROOT,
                            "epoch %3d/%d train_loss=%.5f val_loss=%.5f val_auc=%.4f",
                            epoch,
                            hp.epochs(),
                            trainLoss,
                            valLoss,
                            valAuc);
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
                    hook.accept(raw -> djlProbabilities(model, block, scaler, raw, hp, used));
                }
            }
        }

        MlpClassifier classifier = new MlpClassifier(bestWeights);
        ClassificationMetrics test =
                ClassificationMetrics.compute(probabilities(classifier, features, testRows), select(labels, testRows));
        ClassificationMetrics validation =
                ClassificationMetrics.compute(probabilities(classifier, features, valRows), select(labels, valRows));
        List<String> testIds = new ArrayList<>(testRows.length);
        for (int r : testRows) {
            testIds.add(samples.get(r).id());
        }
        int positives = count(labels, allRows(n));
        ModelMetadata.SampleCounts counts = new ModelMetadata.SampleCounts(
                n, positives, n - positives, trainRows.length, valRows.length, testRows.length);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        String summary = String.format(
                Locale.ROOT,
                "best epoch %d of %d; test auc=%.4f acc=%.4f f1=%.4f (n=%d); %.1f s",
                bestEpoch,
                epochsRun,
                test.rocAuc(),
                test.accuracy(),
                test.f1(),
                test.total(),
                duration.toMillis() / 1000.0);
        lines.add(summary);
        log.accept(summary);
        return new TrainingOutcome(
                bestWeights.withFeedback(feedback.freeze()),
                test,
                validation,
                bestEpoch,
                epochsRun,
                List.copyOf(epochs),
                List.copyOf(lines),
                testRows,
                List.copyOf(testIds),
                counts,
                0,
                hp,
                positiveWeight,
                duration);
    }

    /**
     * Multiplies its input by {@code factor}, a scalar tensor that must outlive the backward pass (the model's, not a
     * number: see {@link WeightedSigmoidBinaryCrossEntropy} on what DJL does with a number).
     */
    static Block scaledBy(NDArray factor) {
        return LambdaBlock.singleton(output -> output.mul(factor));
    }

    /** Which inputs the network may use: every pair feature, or the similarity only ("cosine"). */
    static boolean[] usedFeatures(String featureSet) {
        boolean[] used = new boolean[PairFeatures.DIMENSION];
        Arrays.fill(used, !Hyperparameters.FEATURES_COSINE.equals(featureSet));
        used[PairFeatures.COSINE] = true;
        return used;
    }

    /**
     * The fixed part of a warm-started model, {@code s * (cos + b * feedback - c)} (without the feedback when the
     * network may not use it); 0 without a warm start.
     */
    static double fixedLogit(float[] rawFeatures, Hyperparameters hp, boolean[] used) {
        if (!hp.warmStart()) {
            return 0;
        }
        return FeedbackStatistics.fixedLogit(
                rawFeatures[PairFeatures.COSINE],
                used[PairFeatures.FEEDBACK] ? rawFeatures[PairFeatures.FEEDBACK] : 0,
                hp.baselineCenter(),
                hp.baselineSteepness());
    }

    /**
     * The served weights for raw features: the network (its standardisation folded in) and, with a warm start, two
     * more hidden units that pass the fixed logit through ({@code relu(l) - relu(-l) = l}). The network learns a
     * correction to the day-one similarity moved by the job's feedback, starting from none; it does not replace them.
     * Trained on the first reviews, which the review queue picks close to the threshold (where the similarity hardly
     * varies and the feedback looks all-important), a network free to re-weigh the two ranked the other resumes
     * worse than day one did.
     */
    private static MlpWeights served(
            FeatureScaler scaler, int inputDim, int hidden, float[][] params, Hyperparameters hp, boolean[] used) {
        if (!hp.warmStart()) {
            return scaler.fold(inputDim, hidden, params[0], params[1], params[2], params[3][0]);
        }
        float[] scaledOutput = params[2].clone();
        for (int h = 0; h < scaledOutput.length; h++) {
            scaledOutput[h] *= CORRECTION_SCALE;
        }
        MlpWeights network =
                scaler.fold(inputDim, hidden, params[0], params[1], scaledOutput, params[3][0] * CORRECTION_SCALE);
        float[] w1 = Arrays.copyOf(network.w1RowMajor(), (hidden + 2) * inputDim);
        float[] b1 = Arrays.copyOf(network.b1(), hidden + 2);
        float[] w2 = Arrays.copyOf(network.w2(), hidden + 2);
        double s = hp.baselineSteepness();
        double feedbackSlope = used[PairFeatures.FEEDBACK] ? s * FeedbackStatistics.FEEDBACK_WEIGHT : 0;
        int passUp = hidden * inputDim;
        int passDown = (hidden + 1) * inputDim;
        w1[passUp + PairFeatures.COSINE] = (float) s;
        w1[passDown + PairFeatures.COSINE] = (float) -s;
        w1[passUp + PairFeatures.FEEDBACK] = (float) feedbackSlope;
        w1[passDown + PairFeatures.FEEDBACK] = (float) -feedbackSlope;
        b1[hidden] = (float) (-s * hp.baselineCenter());
        b1[hidden + 1] = (float) (s * hp.baselineCenter());
        w2[hidden] = 1f;
        w2[hidden + 1] = -1f;
        return MlpWeights.ofFlat(inputDim, hidden + 2, w1, b1, w2, network.b2());
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
     * (hp.baselineSteepness() > 0) the output weights start at 0: the network's correction starts as none, so the model
     * starts as its fixed part (see {@link #fixedLogit}) and "epoch 0" of early stopping is exactly that.
     */
    private static void initialise(
            Linear hiddenLayer, Linear outputLayer, int inputDim, int hidden, boolean[] used, Hyperparameters hp) {
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
            Arrays.fill(w2, 0f);
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

    private static double[] djlProbabilities(
            Model model,
            SequentialBlock block,
            FeatureScaler scaler,
            float[][] raw,
            Hyperparameters hp,
            boolean[] used) {
        int[] rows = allRows(raw.length);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(scaler.transform(raw, rows), new Shape(raw.length, raw[0].length));
            NDArray logits = block.forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            float[] fixed = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                fixed[i] = (float) fixedLogit(raw[i], hp, used);
            }
            logits = logits.add(manager.create(fixed, logits.getShape()));
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
            sum += labels[rows[k]] == 1 ? -positiveWeight * StrictMath.log(p) : -StrictMath.log(1 - p);
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
