package dev.resumescreening.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Mean sigmoid binary cross-entropy on logits with a weight for positive samples (PyTorch's
 * {@code BCEWithLogitsLoss(pos_weight)}), computed in the overflow-free form
 * {@code (1 - y) z + (1 + (w - 1) y) (log(1 + e^-|z|) + max(-z, 0))}. With {@code w = 1} it is plain BCE.
 *
 * <p>The labels are {@code [n, 2]}: the label and a fixed logit added to the network's output before the loss (the
 * similarity model's, which the network learns to adjust rather than replace).
 */
final class WeightedSigmoidBinaryCrossEntropy extends Loss {

    private final float positiveWeight;

    WeightedSigmoidBinaryCrossEntropy(float positiveWeight) {
        super("WeightedSigmoidBCE");
        this.positiveWeight = positiveWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray output = predictions.singletonOrThrow();
        NDArray both = labels.singletonOrThrow();
        NDArray y = both.get(":, 0:1").reshape(output.getShape());
        NDArray z = output.add(both.get(":, 1:2").reshape(output.getShape()));
        NDArray softplusNegZ = z.abs().neg().exp().add(1f).log().add(z.neg().maximum(0f));
        NDArray sampleWeight = y.mul(positiveWeight - 1f).add(1f);
        return y.neg().add(1f).mul(z).add(sampleWeight.mul(softplusNegZ)).mean();
    }
}
