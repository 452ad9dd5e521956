package dev.resumescreening.model;

/**
 * Turns a (resume, job) embedding pair into the classifier's input vector.
 *
 * <p>Layout (length {@code 2*d + 1}): {@code [ r[0]*j[0] .. r[d-1]*j[d-1] | |r[0]-j[0]| .. |r[d-1]-j[d-1]| | dot(r, j) ]};
 * for L2-normalised embeddings the last value is the cosine similarity.
 */
public final class PairFeatures {

    /** One-line description of the layout, stored in model metadata as {@code feature_layout}. */
    public static final String LAYOUT = "concat(resume*job elementwise [d], |resume-job| elementwise [d], dot(resume,job) [1]); length 2*d+1";

    private PairFeatures() {
    }

    /** Feature vector length for embeddings of dimension {@code embeddingDimension}. */
    public static int dimension(int embeddingDimension) {
        if (embeddingDimension <= 0) {
            throw new IllegalArgumentException("embedding dimension must be positive, got " + embeddingDimension);
        }
        return 2 * embeddingDimension + 1;
    }

    /** Embedding dimension that produces a feature vector of length {@code featureDimension}. */
    public static int embeddingDimension(int featureDimension) {
        if (featureDimension < 3 || featureDimension % 2 == 0) {
            throw new IllegalArgumentException("feature dimension must be 2*d+1 with d >= 1, got " + featureDimension);
        }
        return (featureDimension - 1) / 2;
    }

    public static float[] of(float[] resume, float[] job) {
        float[] out = new float[dimension(checkedDimension(resume, job))];
        into(resume, job, out);
        return out;
    }

    /** Writes the features of the pair into {@code out} (length {@code 2*d+1}); no allocation. */
    public static void into(float[] resume, float[] job, float[] out) {
        int d = checkedDimension(resume, job);
        if (out.length != 2 * d + 1) {
            throw new IllegalArgumentException("output length " + out.length + " != 2*" + d + "+1");
        }
        double dot = 0.0;
        for (int i = 0; i < d; i++) {
            float r = resume[i];
            float j = job[i];
            float p = r * j;
            out[i] = p;
            out[d + i] = Math.abs(r - j);
            dot += p;
        }
        out[2 * d] = (float) dot;
    }

    private static int checkedDimension(float[] resume, float[] job) {
        if (resume == null || job == null) {
            throw new IllegalArgumentException("resume and job embeddings must not be null");
        }
        if (resume.length != job.length) {
            throw new IllegalArgumentException(
                    "resume embedding has " + resume.length + " dims but job embedding has " + job.length);
        }
        if (resume.length == 0) {
            throw new IllegalArgumentException("embeddings must not be empty");
        }
        return resume.length;
    }
}
