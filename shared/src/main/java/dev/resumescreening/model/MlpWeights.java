package dev.resumescreening.model;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Parameters of the one-hidden-layer MLP: {@code p = sigmoid(w2 . relu(W1 x + b1) + b2)}.
 *
 * <p>Binary format of {@link #toBytes()} (all little-endian):
 * <pre>
 *   bytes 0..3   magic "RSM1" (0x52 0x53 0x4D 0x31)
 *   int32        format version (1)
 *   int32        input dimension  I
 *   int32        hidden dimension H
 *   float32[H*I] W1, row-major: W1[h][i] at index h*I + i
 *   float32[H]   b1
 *   float32[H]   w2
 *   float32      b2
 *   (version 2)  the {@link JobFeedback} the network's inputs are computed with, to the end of the file
 * </pre>
 * Version 1 files (no feedback) are still read.
 * Instances are immutable: arrays are copied in and out.
 */
public final class MlpWeights {

    public static final int FORMAT_VERSION = 2;
    static final byte[] MAGIC = {'R', 'S', 'M', '1'};
    static final int HEADER_BYTES = 16;

    private final int inputDim;
    private final int hiddenDim;
    /** W1 flattened row-major [hidden][input]. */
    final float[] w1;

    final float[] b1;
    final float[] w2;
    final float b2;
    private final JobFeedback feedback;

    /**
     * @param w1 [hidden][input]
     * @param b1 [hidden]
     * @param w2 [hidden] (weights of the single output unit)
     * @param b2 output bias
     */
    public MlpWeights(float[][] w1, float[] b1, float[] w2, float b2) {
        this(flatten(w1), w1.length, w1.length == 0 ? 0 : w1[0].length, b1, w2, b2, JobFeedback.NONE);
    }

    /** @param w1RowMajor W1 flattened row-major, {@code w1RowMajor[h*inputDim + i]}. */
    public static MlpWeights ofFlat(int inputDim, int hiddenDim, float[] w1RowMajor, float[] b1, float[] w2, float b2) {
        return new MlpWeights(w1RowMajor.clone(), hiddenDim, inputDim, b1, w2, b2, JobFeedback.NONE);
    }

    /** The same network, serving with {@code feedback}. */
    public MlpWeights withFeedback(JobFeedback feedback) {
        return new MlpWeights(w1, hiddenDim, inputDim, b1, w2, b2, feedback);
    }

    private MlpWeights(
            float[] w1Flat, int hiddenDim, int inputDim, float[] b1, float[] w2, float b2, JobFeedback feedback) {
        if (inputDim <= 0 || hiddenDim <= 0) {
            throw new IllegalArgumentException(
                    "dimensions must be positive: input=" + inputDim + ", hidden=" + hiddenDim);
        }
        if (w1Flat.length != (long) hiddenDim * inputDim) {
            throw new IllegalArgumentException(
                    "W1 has " + w1Flat.length + " values, expected " + hiddenDim + "x" + inputDim);
        }
        if (b1 == null || b1.length != hiddenDim) {
            throw new IllegalArgumentException("b1 must have " + hiddenDim + " values");
        }
        if (w2 == null || w2.length != hiddenDim) {
            throw new IllegalArgumentException("w2 must have " + hiddenDim + " values");
        }
        this.inputDim = inputDim;
        this.hiddenDim = hiddenDim;
        this.w1 = w1Flat;
        this.b1 = b1.clone();
        this.w2 = w2.clone();
        this.b2 = b2;
        this.feedback = Objects.requireNonNull(feedback, "feedback");
    }

    /** What the network learned about each reviewed job (see {@link PairFeatures}). */
    public JobFeedback feedback() {
        return feedback;
    }

    private static float[] flatten(float[][] rows) {
        if (rows == null || rows.length == 0 || rows[0] == null) {
            throw new IllegalArgumentException("W1 must have at least one row");
        }
        int in = rows[0].length;
        float[] flat = new float[rows.length * in];
        for (int h = 0; h < rows.length; h++) {
            if (rows[h] == null || rows[h].length != in) {
                throw new IllegalArgumentException("W1 row " + h + " does not have " + in + " values");
            }
            System.arraycopy(rows[h], 0, flat, h * in, in);
        }
        return flat;
    }

    public int inputDim() {
        return inputDim;
    }

    public int hiddenDim() {
        return hiddenDim;
    }

    /** Copy of W1 as [hidden][input]. */
    public float[][] w1() {
        float[][] rows = new float[hiddenDim][];
        for (int h = 0; h < hiddenDim; h++) {
            rows[h] = Arrays.copyOfRange(w1, h * inputDim, (h + 1) * inputDim);
        }
        return rows;
    }

    /** Copy of W1 flattened row-major ({@code [h*inputDim + i]}). */
    public float[] w1RowMajor() {
        return w1.clone();
    }

    public float[] b1() {
        return b1.clone();
    }

    public float[] w2() {
        return w2.clone();
    }

    public float b2() {
        return b2;
    }

    /** Total number of trainable parameters. */
    public long parameterCount() {
        return (long) hiddenDim * inputDim + 2L * hiddenDim + 1;
    }

    public byte[] toBytes() {
        long size = HEADER_BYTES + 4L * parameterCount() + feedback.serializedSize();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalStateException("weights too large to serialise: " + size + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(FORMAT_VERSION).putInt(inputDim).putInt(hiddenDim);
        buf.asFloatBuffer().put(w1).put(b1).put(w2).put(b2);
        buf.position(HEADER_BYTES + 4 * (int) parameterCount());
        feedback.writeTo(buf);
        return buf.array();
    }

    public static MlpWeights fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException(
                    "not an MLP weights file: " + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        buf.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException(
                    "not an MLP weights file: bad magic " + HexFormat.of().formatHex(magic));
        }
        int version = buf.getInt();
        if (version != 1 && version != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "unsupported MLP weights format version " + version + " (expected " + FORMAT_VERSION + ")");
        }
        int in = buf.getInt();
        int hidden = buf.getInt();
        if (in <= 0 || hidden <= 0) {
            throw new IllegalArgumentException("corrupt MLP weights header: input=" + in + ", hidden=" + hidden);
        }
        long expected = HEADER_BYTES + 4L * ((long) hidden * in + 2L * hidden + 1);
        if (version == 1 ? bytes.length != expected : bytes.length < expected + 4) {
            throw new IllegalArgumentException("MLP weights file has " + bytes.length + " bytes, expected " + expected
                    + " for input=" + in + ", hidden=" + hidden);
        }
        var floats = buf.asFloatBuffer();
        float[] w1 = new float[hidden * in];
        float[] b1 = new float[hidden];
        float[] w2 = new float[hidden];
        floats.get(w1).get(b1).get(w2);
        float b2 = floats.get();
        JobFeedback feedback = JobFeedback.NONE;
        if (version > 1) {
            buf.position((int) expected);
            try {
                feedback = JobFeedback.read(buf);
            } catch (BufferUnderflowException e) {
                throw new IllegalArgumentException("MLP weights file ends inside its job feedback", e);
            }
            if (buf.hasRemaining()) {
                throw new IllegalArgumentException(
                        "MLP weights file has " + buf.remaining() + " bytes after its job feedback");
            }
        }
        return new MlpWeights(w1, hidden, in, b1, w2, b2, feedback);
    }

    /** Lower-case hex SHA-256 of {@link #toBytes()}. */
    public String sha256Hex() {
        return sha256Hex(toBytes());
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpWeights other
                && inputDim == other.inputDim
                && hiddenDim == other.hiddenDim
                && Float.compare(b2, other.b2) == 0
                && Arrays.equals(w1, other.w1)
                && Arrays.equals(b1, other.b1)
                && Arrays.equals(w2, other.w2)
                && feedback.equals(other.feedback);
    }

    @Override
    public int hashCode() {
        int h = 31 * inputDim + hiddenDim;
        h = 31 * h + Arrays.hashCode(w1);
        h = 31 * h + Arrays.hashCode(b1);
        h = 31 * h + Arrays.hashCode(w2);
        h = 31 * h + feedback.hashCode();
        return 31 * h + Float.hashCode(b2);
    }

    @Override
    public String toString() {
        return "MlpWeights[input=" + inputDim + ", hidden=" + hiddenDim + "]";
    }
}
