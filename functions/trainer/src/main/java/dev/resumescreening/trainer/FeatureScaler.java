package dev.resumescreening.trainer;

import dev.resumescreening.model.MlpWeights;

/**
 * Per-feature standardisation fitted on the training split. The network trains on {@code (x - mean) / scale}; when the
 * weights are exported the scaling is folded into the first layer, so the served {@code MlpClassifier} takes raw
 * {@code PairFeatures} and no scaler has to be stored:
 * {@code W1'[h][i] = W1[h][i] / scale[i]}, {@code b1'[h] = b1[h] - sum_i W1[h][i] * mean[i] / scale[i]}.
 *
 * <p>Why: pair features differ in size by orders of magnitude (products ~1e-3, the cosine ~0.5), and with the default
 * Adam learning rate of 1e-4 unscaled inputs learn slowly and unevenly.
 */
final class FeatureScaler {

    private static final double MIN_SCALE = 1e-6;

    final float[] mean;
    final float[] scale;

    private FeatureScaler(float[] mean, float[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    static FeatureScaler fit(float[][] features, int[] rows) {
        int d = features[rows[0]].length;
        double[] sum = new double[d];
        double[] sumSq = new double[d];
        for (int r : rows) {
            float[] x = features[r];
            for (int i = 0; i < d; i++) {
                sum[i] += x[i];
                sumSq[i] += (double) x[i] * x[i];
            }
        }
        float[] mean = new float[d];
        float[] scale = new float[d];
        int n = rows.length;
        for (int i = 0; i < d; i++) {
            double m = sum[i] / n;
            double var = Math.max(0.0, sumSq[i] / n - m * m);
            double s = Math.sqrt(var);
            mean[i] = (float) m;
            scale[i] = (float) (s < MIN_SCALE ? 1.0 : s);
        }
        return new FeatureScaler(mean, scale);
    }

    /** Row-major {@code [rows.length][d]} block of standardised features. */
    float[] transform(float[][] features, int[] rows) {
        int d = mean.length;
        float[] out = new float[rows.length * d];
        for (int k = 0; k < rows.length; k++) {
            float[] x = features[rows[k]];
            int base = k * d;
            for (int i = 0; i < d; i++) {
                out[base + i] = (x[i] - mean[i]) / scale[i];
            }
        }
        return out;
    }

    /**
     * Weights for raw features from the network's parameters in DJL layout ({@code Linear} weights are
     * {@code [out, in]} row-major, which is exactly {@code W1[hidden][input]} and {@code w2[1][hidden]}).
     */
    MlpWeights fold(int inputDim, int hiddenDim, float[] w1, float[] b1, float[] w2, float b2) {
        float[] w1Raw = new float[w1.length];
        float[] b1Raw = new float[hiddenDim];
        for (int h = 0; h < hiddenDim; h++) {
            int base = h * inputDim;
            double shift = 0.0;
            for (int i = 0; i < inputDim; i++) {
                double w = (double) w1[base + i] / scale[i];
                w1Raw[base + i] = (float) w;
                shift += w * mean[i];
            }
            b1Raw[h] = (float) (b1[h] - shift);
        }
        return MlpWeights.ofFlat(inputDim, hiddenDim, w1Raw, b1Raw, w2, b2);
    }
}
