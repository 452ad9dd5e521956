package dev.resumescreening.model;

import dev.resumescreening.embedding.TermVector;

/**
 * Plain-Java forward pass of the pair classifier: {@code sigmoid(w2 . relu(W1 x + b1) + b2)}.
 *
 * <p>Immutable and thread-safe; {@link #probability(float[])} allocates nothing.
 */
public final class MlpClassifier {

    private final MlpWeights weights;
    private final int in;
    private final int hidden;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float b2;

    public MlpClassifier(MlpWeights weights) {
        this.weights = weights;
        this.in = weights.inputDim();
        this.hidden = weights.hiddenDim();
        // MlpWeights is immutable and keeps its own arrays private to the package: share, don't copy.
        this.w1 = weights.w1;
        this.b1 = weights.b1;
        this.w2 = weights.w2;
        this.b2 = weights.b2;
    }

    public MlpWeights weights() {
        return weights;
    }

    /** Expected feature length ({@link PairFeatures#DIMENSION}). */
    public int inputDim() {
        return in;
    }

    /** Raw output before the sigmoid. */
    public double logit(float[] features) {
        if (features == null || features.length != in) {
            throw new IllegalArgumentException("expected " + in + " features, got "
                    + (features == null ? "null" : String.valueOf(features.length)));
        }
        final float[] x = features;
        final float[] w = w1;
        final int n = in;
        final int n4 = n & ~3;
        float out = b2;
        for (int h = 0; h < hidden; h++) {
            int base = h * n;
            // four independent accumulators let the CPU overlap the multiply-adds
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int i = 0;
            for (; i < n4; i += 4) {
                s0 += w[base + i] * x[i];
                s1 += w[base + i + 1] * x[i + 1];
                s2 += w[base + i + 2] * x[i + 2];
                s3 += w[base + i + 3] * x[i + 3];
            }
            for (; i < n; i++) {
                s0 += w[base + i] * x[i];
            }
            float a = b1[h] + ((s0 + s1) + (s2 + s3));
            if (a > 0f) {
                out += w2[h] * a;
            }
        }
        return out;
    }

    /** Probability that the pair is a shortlist (label 1). */
    public double probability(float[] features) {
        return sigmoid(logit(features));
    }

    /** The pair's {@link PairFeatures} with what the weights learned about the job, then {@link #probability(float[])}. */
    public double probability(String jobId, TermVector resume, TermVector job) {
        return probability(
                PairFeatures.of(resume, job, weights.feedback().forJob(jobId).orElse(null)));
    }

    /** With {@code StrictMath}: the trainer's early stopping reads it, and must read the same whether JIT-compiled. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + StrictMath.exp(-z));
        }
        double e = StrictMath.exp(z);
        return e / (1.0 + e);
    }
}
