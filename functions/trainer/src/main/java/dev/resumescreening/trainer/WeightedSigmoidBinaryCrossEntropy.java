package dev.resumescreening.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Mean sigmoid binary cross-entropy on logits with a weight for positive samples (PyTorch's
 * {@code BCEWithLogitsLoss(pos_weight)}): {@code (1 - y) z + (1 + (w - 1) y) softplus(-z)}, with PyTorch's
 * softplus, which does not overflow. With {@code w = 1} it is plain BCE.
 *
 * <p>No operation on the gradient's path takes a number: DJL turns a number argument ({@code maximum(0f)},
 * {@code mul(0.2f)}) into a tensor over Java memory and frees that memory as soon as the call returns, while PyTorch
 * keeps the tensor for the backward pass. A garbage collection between the forward and the backward pass then
 * computed the gradient from freed memory: a wrong step now and then, one process's first training ending with other
 * weights than the next for the same seed, and gradients of 1e29 with a warm start.
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
        NDArray softplusNegZ = Activation.softPlus(z.neg());
        NDArray sampleWeight = y.mul(positiveWeight - 1f).add(1f);
        return y.neg().add(1f).mul(z).add(sampleWeight.mul(softplusNegZ)).mean();
    }
}
