package dev.resumescreening.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ROC curve of scores against labels: (false positive rate, true positive rate) at every distinct score taken as
 * the threshold, from (0, 0) to (1, 1). {@link #points} keeps at most a given number of them, evenly spaced along the
 * curve and always both ends, so a run stores a bounded curve whatever its number of pairs.
 */
public final class RocCurve {
    private RocCurve() {}

    /** At most {@code maxPoints} (at least 2) points [fpr, tpr], rounded to 4 decimals; empty without both classes. */
    public static List<double[]> points(double[] scores, int[] labels, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("a curve needs at least its two ends");
        }
        long positives = Arrays.stream(labels).filter(label -> label == 1).count();
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return List.of();
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<double[]> full = new ArrayList<>();
        full.add(new double[] {0, 0});
        long truePositives = 0;
        long falsePositives = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels[order[k]] == 1) {
                truePositives++;
            } else {
                falsePositives++;
            }
            // tied scores are one threshold: one point after the last of them
            if (k + 1 == order.length || scores[order[k + 1]] != scores[order[k]]) {
                full.add(new double[] {
                    round((double) falsePositives / negatives), round((double) truePositives / positives)
                });
            }
        }
        if (full.size() <= maxPoints) {
            return full;
        }
        List<double[]> kept = new ArrayList<>(maxPoints);
        for (int k = 0; k < maxPoints; k++) {
            kept.add(full.get((int) Math.round((double) k * (full.size() - 1) / (maxPoints - 1))));
        }
        return kept;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
