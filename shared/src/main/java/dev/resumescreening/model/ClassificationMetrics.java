package dev.resumescreening.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binary classification metrics at a threshold, plus threshold-free ROC AUC.
 *
 * <p>Conventions: precision is 0 when nothing is predicted positive, recall 0 when there are no positives, f1 0 when
 * precision + recall is 0. {@code roc_auc} is the Mann-Whitney statistic with average ranks for tied scores (a tie
 * between a positive and a negative counts one half); it is {@code NaN} when a class is absent (Jackson writes it as
 * the string "NaN" and reads it back).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassificationMetrics(
        @JsonProperty("threshold") double threshold,
        @JsonProperty("accuracy") double accuracy,
        @JsonProperty("precision") double precision,
        @JsonProperty("recall") double recall,
        @JsonProperty("f1") double f1,
        @JsonProperty("roc_auc") double rocAuc,
        @JsonProperty("tp") long tp,
        @JsonProperty("fp") long fp,
        @JsonProperty("tn") long tn,
        @JsonProperty("fn") long fn,
        @JsonProperty("total") long total,
        @JsonProperty("positive") long positive,
        @JsonProperty("negative") long negative) {

    public static final double DEFAULT_THRESHOLD = 0.5;

    public static ClassificationMetrics compute(double[] probabilities, int[] labels) {
        return compute(probabilities, labels, DEFAULT_THRESHOLD);
    }

    /** A score {@code >= threshold} is predicted positive. Labels must be 0 or 1. */
    public static ClassificationMetrics compute(double[] probabilities, int[] labels, double threshold) {
        if (probabilities == null || labels == null || probabilities.length != labels.length) {
            throw new IllegalArgumentException("probabilities and labels must have the same length");
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label at " + i + " must be 0 or 1, got " + labels[i]);
            }
            if (Double.isNaN(probabilities[i])) {
                throw new IllegalArgumentException("probability at " + i + " is NaN");
            }
            boolean predicted = probabilities[i] >= threshold;
            if (labels[i] == 1) {
                if (predicted) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted) {
                fp++;
            } else {
                tn++;
            }
        }
        long total = labels.length;
        double accuracy = total == 0 ? 0.0 : (double) (tp + tn) / total;
        double precision = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new ClassificationMetrics(
                threshold,
                accuracy,
                precision,
                recall,
                f1,
                rocAuc(probabilities, labels),
                tp,
                fp,
                tn,
                fn,
                total,
                tp + fn,
                tn + fp);
    }

    /** ROC AUC, a tie counting half; NaN when either class is absent. */
    public static double rocAuc(double[] scores, int[] labels) {
        double[] equal = new double[scores.length];
        Arrays.fill(equal, 1);
        return rocAuc(scores, labels, equal);
    }

    /**
     * ROC AUC of weighted pairs: the weighted share of (positive, negative) pairs the scores order rightly, a tie
     * counting half; NaN when either class has no weight. A pair of weight 3 counts as three pairs of its scores.
     */
    public static double rocAuc(double[] scores, int[] labels, double[] weights) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double negativesBelow = 0;
        double orderedRightly = 0;
        double positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            double positivesTied = 0;
            double negativesTied = 0;
            while (j < order.length && Double.compare(scores[order[j]], scores[order[i]]) == 0) {
                if (labels[order[j]] == 1) {
                    positivesTied += weights[order[j]];
                } else {
                    negativesTied += weights[order[j]];
                }
                j++;
            }
            orderedRightly += positivesTied * (negativesBelow + negativesTied / 2);
            negativesBelow += negativesTied;
            positives += positivesTied;
            i = j;
        }
        double all = positives * negativesBelow;
        return all > 0 ? orderedRightly / all : Double.NaN;
    }

    /** snake_case view for logs and JSON written without Jackson annotations. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", threshold);
        m.put("accuracy", accuracy);
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", f1);
        m.put("roc_auc", rocAuc);
        m.put("tp", tp);
        m.put("fp", fp);
        m.put("tn", tn);
        m.put("fn", fn);
        m.put("total", total);
        m.put("positive", positive);
        m.put("negative", negative);
        return m;
    }
}
