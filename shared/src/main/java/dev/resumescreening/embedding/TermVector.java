package dev.resumescreening.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;

/**
 * A sparse vector, L2-normalised as embedders make it (a job's scoring vector is scaled: {@link #scaled}): the terms
 * of a text (or a combination of texts) and their weights. Indices are strictly increasing, weights are finite.
 * Immutable.
 *
 * <p>Binary form ({@link #toBytes()}, little-endian): magic {@code "RST1"}, int32 count n, int32[n] indices,
 * float32[n] weights. Anything else is refused by {@link #fromBytes(byte[])}; {@link #isTermVector(byte[])} tells
 * the vectors of earlier releases (bare float arrays) apart, so stored data of that kind can be re-derived.
 */
public final class TermVector {
    public static final TermVector EMPTY = new TermVector(new int[0], new float[0]);
    private static final byte[] MAGIC = {'R', 'S', 'T', '1'};

    private final int[] indices;
    private final float[] weights;

    private TermVector(int[] indices, float[] weights) {
        this.indices = indices;
        this.weights = weights;
    }

    /** The normalised vector of {@code weights} (index to weight), keeping at most {@code maxTerms} largest ones. */
    public static TermVector normalised(Map<Integer, Double> weights, int maxTerms) {
        int[] order = weights.entrySet().stream()
                .filter(e -> e.getValue() != 0 && Double.isFinite(e.getValue()))
                .sorted((a, b) -> {
                    int byWeight = Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue()));
                    return byWeight != 0 ? byWeight : Integer.compare(a.getKey(), b.getKey());
                })
                .limit(maxTerms)
                .mapToInt(Map.Entry::getKey)
                .sorted()
                .toArray();
        double norm = 0;
        for (int index : order) {
            double w = weights.get(index);
            norm += w * w;
        }
        if (norm == 0) {
            return EMPTY;
        }
        double scale = 1.0 / Math.sqrt(norm);
        float[] values = new float[order.length];
        for (int k = 0; k < order.length; k++) {
            values[k] = (float) (weights.get(order[k]) * scale);
        }
        return new TermVector(order, values);
    }

    public int size() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    /** The index of the k-th stored term, in increasing order. */
    public int index(int k) {
        return indices[k];
    }

    public float weight(int k) {
        return weights[k];
    }

    /** The weight of the term at {@code index}, 0 when the vector does not hold it. */
    public double weightOf(int index) {
        int k = Arrays.binarySearch(indices, index);
        return k >= 0 ? weights[k] : 0;
    }

    /**
     * This vector with every weight multiplied by {@code factor} (positive): a job's vector as models score with it,
     * its cosines scaled by {@link dev.resumescreening.domain.ApplicantSimilarity#scale}.
     */
    public TermVector scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite, was " + factor);
        }
        if (factor == 1.0) {
            return this;
        }
        float[] values = new float[weights.length];
        for (int k = 0; k < weights.length; k++) {
            values[k] = (float) (weights[k] * factor);
        }
        return new TermVector(indices, values);
    }

    /** Dot product; for two normalised vectors, their cosine similarity. */
    public double dot(TermVector other) {
        int i = 0;
        int j = 0;
        double sum = 0;
        while (i < indices.length && j < other.indices.length) {
            int a = indices[i];
            int b = other.indices[j];
            if (a == b) {
                sum += (double) weights[i++] * other.weights[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /**
     * This vector scaled by {@code sqrt(share)} beside {@code dense} (normalised, scaled by {@code sqrt(1 - share)},
     * at indices from {@code denseOffset}): the dot product of two such vectors is
     * {@code share * cos(sparse) + (1 - share) * cos(dense)}. Every index of this vector must be below the offset.
     */
    public TermVector beside(float[] dense, int denseOffset, double share) {
        if (indices.length > 0 && indices[indices.length - 1] >= denseOffset) {
            throw new IllegalArgumentException("sparse indices reach the dense block at " + denseOffset);
        }
        double norm = 0;
        for (float v : dense) {
            norm += (double) v * v;
        }
        double denseScale = norm == 0 ? 0 : Math.sqrt(1 - share) / Math.sqrt(norm);
        double sparseScale = Math.sqrt(share);
        int[] joined = Arrays.copyOf(indices, indices.length + dense.length);
        float[] values = new float[joined.length];
        for (int k = 0; k < indices.length; k++) {
            values[k] = (float) (weights[k] * sparseScale);
        }
        for (int d = 0; d < dense.length; d++) {
            joined[indices.length + d] = denseOffset + d;
            values[indices.length + d] = (float) (dense[d] * denseScale);
        }
        return new TermVector(joined, values);
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + serializedSize()).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC);
        writeTo(buffer);
        return buffer.array();
    }

    /** Whether {@code bytes} are in this class's binary form (not, e.g., a dense vector of an earlier release). */
    public static boolean isTermVector(byte[] bytes) {
        return bytes != null && bytes.length >= 8 && Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC);
    }

    /** @throws IllegalArgumentException when the bytes are not a well-formed term vector */
    public static TermVector fromBytes(byte[] bytes) {
        if (!isTermVector(bytes)) {
            throw new IllegalArgumentException("not a term vector");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(4);
        return read(buffer);
    }

    /** Reads one vector written by {@link #writeTo(ByteBuffer)} (no magic). */
    public static TermVector read(ByteBuffer buffer) {
        int n = buffer.getInt();
        if (n < 0 || (long) n * 8 > buffer.remaining()) {
            throw new IllegalArgumentException(
                    "term vector of " + n + " terms does not fit in " + buffer.remaining() + " bytes");
        }
        int[] indices = new int[n];
        float[] weights = new float[n];
        for (int k = 0; k < n; k++) {
            indices[k] = buffer.getInt();
            if (k > 0 && indices[k] <= indices[k - 1]) {
                throw new IllegalArgumentException("term vector indices are not increasing");
            }
        }
        for (int k = 0; k < n; k++) {
            weights[k] = buffer.getFloat();
            if (!Float.isFinite(weights[k])) {
                throw new IllegalArgumentException("term vector weight is not finite");
            }
        }
        return new TermVector(indices, weights);
    }

    /** Bytes {@link #writeTo(ByteBuffer)} needs. */
    public int serializedSize() {
        return 4 + 8 * indices.length;
    }

    /** Writes count, indices and weights (no magic), for containers of several vectors. */
    public void writeTo(ByteBuffer buffer) {
        buffer.putInt(indices.length);
        for (int index : indices) {
            buffer.putInt(index);
        }
        for (float weight : weights) {
            buffer.putFloat(weight);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermVector other
                && Arrays.equals(indices, other.indices)
                && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "TermVector[" + indices.length + " terms]";
    }
}
