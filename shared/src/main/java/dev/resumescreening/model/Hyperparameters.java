package dev.resumescreening.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Training hyperparameters. {@link #parse(Map)} reads them from strings (SageMaker passes every hyperparameter as a
 * string); keys are the snake_case JSON names below. Missing keys take the defaults.
 *
 * <ul>
 *   <li>{@code epochs} (50) – maximum epochs;</li>
 *   <li>{@code batch_size} (16);</li>
 *   <li>{@code learning_rate} (1e-4) – Adam;</li>
 *   <li>{@code hidden_size} (64) – ReLU units over the {@code PairFeatures}: room to model how similarity and a job's
 *       feedback interact, while early stopping keeps it from memorising the reviews;</li>
 *   <li>{@code patience} (8) – stop after this many epochs without a lower validation loss; 0 disables early stopping
 *       (the best epoch's weights are kept either way);</li>
 *   <li>{@code seed} (42);</li>
 *   <li>{@code weight_decay} (0) – Adam weight decay;</li>
 *   <li>{@code validation_fraction} (0.2), {@code test_fraction} (0.2) – stratified split, train gets the rest; 0.2
 *       rather than 0.15 because the first trainings have 20-200 reviews, and the candidate gate needs held-out
 *       samples of both classes (see {@code CandidateGate.MIN_HELD_OUT_PER_CLASS});</li>
 *   <li>{@code balance_classes} (false) – weight positive samples by negatives/positives in the loss;</li>
 *   <li>{@code features} ("all") – which pair features the network may use: "all" ({@code PairFeatures}: the
 *       similarity and the job's review feedback) or "cosine" (the similarity only); the served weights keep the full
 *       input layout either way;</li>
 *   <li>{@code baseline_center} (0), {@code baseline_steepness} (0) – the similarity model's calibration
 *       ({@code SimilarityModel.forEmbedder}); with a steepness &gt; 0 the network is warm-started to compute exactly
 *       {@code steepness * (cosine + feedback - center)} before training, and keeps those weights unless an epoch lowers the
 *       validation loss. The scheduled training sets them for its embedder; 0 disables the warm start.</li>
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Hyperparameters(
        @JsonProperty("epochs") int epochs,
        @JsonProperty("batch_size") int batchSize,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("hidden_size") int hiddenSize,
        @JsonProperty("patience") int patience,
        @JsonProperty("seed") int seed,
        @JsonProperty("weight_decay") double weightDecay,
        @JsonProperty("validation_fraction") double validationFraction,
        @JsonProperty("test_fraction") double testFraction,
        @JsonProperty("balance_classes") boolean balanceClasses,
        @JsonProperty("features") String features,
        @JsonProperty("baseline_center") double baselineCenter,
        @JsonProperty("baseline_steepness") double baselineSteepness) {

    public static final Set<String> KEYS = Set.of("epochs", "batch_size", "learning_rate", "hidden_size", "patience",
            "seed", "weight_decay", "validation_fraction", "test_fraction", "balance_classes", "features",
            "baseline_center", "baseline_steepness");

    /** {@code features} values: every pair feature, or only the similarity. */
    public static final String FEATURES_ALL = "all";
    public static final String FEATURES_COSINE = "cosine";
    public static final Set<String> FEATURE_SETS = Set.of(FEATURES_ALL, FEATURES_COSINE);

    public Hyperparameters {
        if (features == null) {
            features = FEATURES_ALL; // metadata written before the key existed: those models used every feature
        }
        List<String> errors = validate(epochs, batchSize, learningRate, hiddenSize, patience, weightDecay,
                validationFraction, testFraction, features, baselineCenter, baselineSteepness);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid hyperparameters: " + String.join("; ", errors));
        }
    }

    public static Hyperparameters defaults() {
        return new Hyperparameters(50, 16, 1e-4, 64, 8, 42, DEFAULT_WEIGHT_DECAY, 0.2, 0.2, false, DEFAULT_FEATURES,
                0.0, 0.0);
    }

    static final String DEFAULT_FEATURES = FEATURES_ALL;
    static final double DEFAULT_WEIGHT_DECAY = 0.0;

    /** Whether training starts from the similarity baseline (see {@code baseline_steepness}). */
    public boolean warmStart() {
        return baselineSteepness > 0;
    }

    /** Warm start from the similarity model {@code sigmoid(steepness * (cosine - center))}. */
    public Hyperparameters withBaseline(double center, double steepness) {
        return new Hyperparameters(epochs, batchSize, learningRate, hiddenSize, patience, seed, weightDecay,
                validationFraction, testFraction, balanceClasses, features, center, steepness);
    }

    public Hyperparameters withFeatures(String value) {
        return new Hyperparameters(epochs, batchSize, learningRate, hiddenSize, patience, seed, weightDecay,
                validationFraction, testFraction, balanceClasses, value, baselineCenter, baselineSteepness);
    }

    public double trainFraction() {
        return 1.0 - validationFraction - testFraction;
    }

    public Hyperparameters withEpochs(int value) {
        return new Hyperparameters(value, batchSize, learningRate, hiddenSize, patience, seed, weightDecay,
                validationFraction, testFraction, balanceClasses, features, baselineCenter, baselineSteepness);
    }

    public Hyperparameters withPatience(int value) {
        return new Hyperparameters(epochs, batchSize, learningRate, hiddenSize, value, seed, weightDecay,
                validationFraction, testFraction, balanceClasses, features, baselineCenter, baselineSteepness);
    }

    public Hyperparameters withSeed(int value) {
        return new Hyperparameters(epochs, batchSize, learningRate, hiddenSize, patience, value, weightDecay,
                validationFraction, testFraction, balanceClasses, features, baselineCenter, baselineSteepness);
    }

    public Hyperparameters withLearningRate(double value) {
        return new Hyperparameters(epochs, batchSize, value, hiddenSize, patience, seed, weightDecay,
                validationFraction, testFraction, balanceClasses, features, baselineCenter, baselineSteepness);
    }

    public Hyperparameters withHiddenSize(int value) {
        return new Hyperparameters(epochs, batchSize, learningRate, value, patience, seed, weightDecay,
                validationFraction, testFraction, balanceClasses, features, baselineCenter, baselineSteepness);
    }

    public Hyperparameters withBalanceClasses(boolean value) {
        return new Hyperparameters(epochs, batchSize, learningRate, hiddenSize, patience, seed, weightDecay,
                validationFraction, testFraction, value, features, baselineCenter, baselineSteepness);
    }

    /**
     * Parses string values over the defaults. Unknown keys are rejected (a typo must not silently train with a
     * default), except SageMaker's own {@code sagemaker_*} keys. All problems are reported together, each naming the
     * key and the offending value.
     */
    public static Hyperparameters parse(Map<String, String> values) {
        Hyperparameters d = defaults();
        List<String> errors = new ArrayList<>();
        Map<String, String> v = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> {
                if (key == null) {
                    errors.add("null hyperparameter name");
                } else if (KEYS.contains(key)) {
                    v.put(key, value == null ? null : unquote(value.trim()));
                } else if (!key.startsWith("sagemaker_")) {
                    errors.add("unknown hyperparameter '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
                }
            });
        }
        int epochs = intValue(v, "epochs", d.epochs, 1, 100_000, errors);
        int batchSize = intValue(v, "batch_size", d.batchSize, 1, 1 << 16, errors);
        double learningRate = doubleValue(v, "learning_rate", d.learningRate, errors);
        int hiddenSize = intValue(v, "hidden_size", d.hiddenSize, 1, 8192, errors);
        int patience = intValue(v, "patience", d.patience, 0, 100_000, errors);
        int seed = intValue(v, "seed", d.seed, Integer.MIN_VALUE, Integer.MAX_VALUE, errors);
        double weightDecay = doubleValue(v, "weight_decay", d.weightDecay, errors);
        double validationFraction = doubleValue(v, "validation_fraction", d.validationFraction, errors);
        double testFraction = doubleValue(v, "test_fraction", d.testFraction, errors);
        boolean balanceClasses = d.balanceClasses;
        if (v.containsKey("balance_classes")) {
            String s = v.get("balance_classes");
            if ("true".equalsIgnoreCase(s)) {
                balanceClasses = true;
            } else if ("false".equalsIgnoreCase(s)) {
                balanceClasses = false;
            } else {
                errors.add("hyperparameter 'balance_classes' must be true or false, got '" + s + "'");
            }
        }
        String features = v.containsKey("features") && v.get("features") != null
                ? v.get("features").toLowerCase(java.util.Locale.ROOT) : d.features;
        double baselineCenter = doubleValue(v, "baseline_center", d.baselineCenter, errors);
        double baselineSteepness = doubleValue(v, "baseline_steepness", d.baselineSteepness, errors);
        if (errors.isEmpty()) {
            errors.addAll(validate(epochs, batchSize, learningRate, hiddenSize, patience, weightDecay,
                    validationFraction, testFraction, features, baselineCenter, baselineSteepness));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid hyperparameters: " + String.join("; ", errors));
        }
        return new Hyperparameters(epochs, batchSize, learningRate, hiddenSize, patience, seed, weightDecay,
                validationFraction, testFraction, balanceClasses, features, baselineCenter, baselineSteepness);
    }

    /** String form with the same keys {@link #parse(Map)} reads. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("epochs", Integer.toString(epochs));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("learning_rate", Double.toString(learningRate));
        m.put("hidden_size", Integer.toString(hiddenSize));
        m.put("patience", Integer.toString(patience));
        m.put("seed", Integer.toString(seed));
        m.put("weight_decay", Double.toString(weightDecay));
        m.put("validation_fraction", Double.toString(validationFraction));
        m.put("test_fraction", Double.toString(testFraction));
        m.put("balance_classes", Boolean.toString(balanceClasses));
        m.put("features", features);
        m.put("baseline_center", Double.toString(baselineCenter));
        m.put("baseline_steepness", Double.toString(baselineSteepness));
        return m;
    }

    private static List<String> validate(int epochs, int batchSize, double learningRate, int hiddenSize, int patience,
            double weightDecay, double validationFraction, double testFraction, String features, double baselineCenter,
            double baselineSteepness) {
        List<String> errors = new ArrayList<>();
        if (!FEATURE_SETS.contains(features)) {
            errors.add("hyperparameter 'features' must be one of " + FEATURE_SETS.stream().sorted().toList() + ", got '"
                    + features + "'");
        }
        if (!Double.isFinite(baselineCenter)) {
            errors.add("hyperparameter 'baseline_center' must be finite, got " + baselineCenter);
        }
        if (!(baselineSteepness >= 0 && Double.isFinite(baselineSteepness))) {
            errors.add("hyperparameter 'baseline_steepness' must be >= 0 (0 disables the warm start), got "
                    + baselineSteepness);
        }
        if (epochs < 1) {
            errors.add("hyperparameter 'epochs' must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            errors.add("hyperparameter 'batch_size' must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            errors.add("hyperparameter 'learning_rate' must be in (0, 1], got " + learningRate);
        }
        if (hiddenSize < 1) {
            errors.add("hyperparameter 'hidden_size' must be >= 1, got " + hiddenSize);
        }
        if (patience < 0) {
            errors.add("hyperparameter 'patience' must be >= 0 (0 disables early stopping), got " + patience);
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            errors.add("hyperparameter 'weight_decay' must be in [0, 1), got " + weightDecay);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            errors.add("hyperparameter 'validation_fraction' must be in (0, 1), got " + validationFraction);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            errors.add("hyperparameter 'test_fraction' must be in (0, 1), got " + testFraction);
        }
        if (validationFraction + testFraction >= 0.9) {
            errors.add("hyperparameters 'validation_fraction' + 'test_fraction' must leave at least 10% for training, got "
                    + validationFraction + " + " + testFraction);
        }
        return errors;
    }

    private static String unquote(String s) {
        // The SageMaker Python SDK JSON-encodes values, so strings may arrive as "\"...\"".
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static int intValue(Map<String, String> v, String key, int dflt, int min, int max, List<String> errors) {
        if (!v.containsKey(key)) {
            return dflt;
        }
        String s = v.get(key);
        try {
            long parsed = Long.parseLong(s);
            if (parsed < min || parsed > max) {
                errors.add("hyperparameter '" + key + "' must be an integer in [" + min + ", " + max + "], got '" + s + "'");
                return dflt;
            }
            return (int) parsed;
        } catch (NumberFormatException | NullPointerException e) {
            errors.add("hyperparameter '" + key + "' must be an integer, got '" + s + "'");
            return dflt;
        }
    }

    private static double doubleValue(Map<String, String> v, String key, double dflt, List<String> errors) {
        if (!v.containsKey(key)) {
            return dflt;
        }
        String s = v.get(key);
        try {
            double parsed = Double.parseDouble(s);
            if (!Double.isFinite(parsed)) {
                errors.add("hyperparameter '" + key + "' must be a finite number, got '" + s + "'");
                return dflt;
            }
            return parsed;
        } catch (NumberFormatException | NullPointerException e) {
            errors.add("hyperparameter '" + key + "' must be a number, got '" + s + "'");
            return dflt;
        }
    }
}
