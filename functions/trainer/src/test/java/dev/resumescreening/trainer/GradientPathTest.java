package dev.resumescreening.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pieces of the trainer's graph that are not DJL's own layers: the loss and the warm start's correction scale.
 * Each backward pass here follows a garbage collection, as one may in any training step: the gradient must come from
 * memory PyTorch owns, not from Java memory DJL has already let go of (see {@link WeightedSigmoidBinaryCrossEntropy}).
 */
class GradientPathTest {

    @BeforeAll
    static void configureDjl() {
        DjlRuntime.configure();
    }

    @Test
    void theLossAndItsGradientAreTheTextbookOnesAtEveryLogit() throws InterruptedException {
        float[] output = {-40f, -3f, -0.5f, 0f, 0.25f, 2f, 40f, 1f};
        float[] label = {1, 0, 1, 1, 0, 1, 0, 0};
        float[] fixedLogit = {0f, 0.3f, -0.1f, 0f, 0f, 0.4f, 0f, -1f};
        float positiveWeight = 2.5f;
        int n = output.length;
        float[] labels = new float[2 * n];
        for (int i = 0; i < n; i++) {
            labels[2 * i] = label[i];
            labels[2 * i + 1] = fixedLogit[i];
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlRuntime.ENGINE)) {
            NDArray z = manager.create(output, new Shape(n, 1));
            z.setRequiresGradient(true);
            float loss;
            try (GradientCollector collector =
                    Engine.getEngine(DjlRuntime.ENGINE).newGradientCollector()) {
                NDArray value = new WeightedSigmoidBinaryCrossEntropy(positiveWeight)
                        .evaluate(new NDList(manager.create(labels, new Shape(n, 2))), new NDList(z));
                collectGarbage();
                collector.backward(value);
                loss = value.getFloat();
            }
            float[] gradient = z.getGradient().toFloatArray();
            double expectedLoss = 0;
            for (int i = 0; i < n; i++) {
                double logit = output[i] + fixedLogit[i];
                double weight = label[i] == 1 ? positiveWeight : 1;
                expectedLoss += label[i] == 1 ? weight * softplus(-logit) : softplus(logit);
                double expectedGradient = (weight * label[i] * -sigmoid(-logit) + (1 - label[i]) * sigmoid(logit)) / n;
                assertEquals(expectedGradient, gradient[i], 1e-6, "d loss / d output at " + output[i]);
            }
            assertEquals(expectedLoss / n, loss, 1e-5);
            assertTrue(Float.isFinite(loss));
        }
    }

    @Test
    void theCorrectionScalesGradientIsTheScale() throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlRuntime.ENGINE)) {
            NDArray x = manager.create(new float[] {1f, -2f, 3f});
            x.setRequiresGradient(true);
            try (GradientCollector collector =
                    Engine.getEngine(DjlRuntime.ENGINE).newGradientCollector()) {
                NDArray sum = MlpTrainer.scaledBy(manager.create(MlpTrainer.CORRECTION_SCALE))
                        .forward(new ParameterStore(manager, false), new NDList(x), true)
                        .singletonOrThrow()
                        .sum();
                collectGarbage();
                collector.backward(sum);
            }
            float s = MlpTrainer.CORRECTION_SCALE;
            assertArrayEquals(new float[] {s, s, s}, x.getGradient().toFloatArray());
        }
    }

    /** Lets the collector run and free what it found, as a collection between forward and backward would. */
    private static void collectGarbage() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
