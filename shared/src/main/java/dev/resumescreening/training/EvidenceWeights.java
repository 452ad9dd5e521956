package dev.resumescreening.training;

import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.model.UnreviewedResume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;

/**
 * How many of its job's screened resumes each reviewed pair of the gate's evidence stands for. The review queue picks
 * the results closest to the threshold, so its reviews are not a sample of the resumes a model will rank: there the
 * day-one similarity is at its weakest, and any candidate looks better than it. Each job's resumes (reviewed and not)
 * are cut into bands of equal size by their similarity to the job (the day-one score, which the queue picks by until a
 * trained model is live, and the fixed part of a trained model's); a reviewed pair weighs as many resumes as its band
 * holds, shared among the band's reviewed pairs. A band without a review stands for nobody. With randomly picked
 * reviews every band holds about as many and the weights are about equal. The unreviewed resumes are those the run
 * read for the job feedback (the newest of each job with both kinds of review).
 *
 * <p>Why: with the queue's picks, a candidate that ranked the 50 reviewed pairs 0.958 against the similarity model's
 * 0.885 went live, and ranked the resumes held out of the run 0.981 against 0.982 (evaluate, real resumes, plain
 * paragraphs, seed 11). The price: a band's few randomly picked reviews make noisy weights, and a better candidate may
 * wait a training longer (one of eleven random-sampling runs: 64% confident at 50 reviews, live at 100). A test that
 * weighed a job by band only when its reviews crowd into some bands (chi-squared at 5%) was tried: 12 reviews of a
 * job in 3 bands are too few for it, and the queue's picks went back to weighing alike.
 */
public final class EvidenceWeights {
    public static final String METHOD = "each pair weighted by the resumes of its job, reviewed or not, in its band"
            + " of similarity to the job, per reviewed pair of that band";
    /** Most bands a job is cut into. */
    static final int MAX_BANDS = 5;
    /** A band per this many reviewed pairs of the job (at least one band): so that most bands hold some. */
    static final int REVIEWS_PER_BAND = 4;

    private EvidenceWeights() {}

    /** One weight per sample: the resumes of its job and band (reviewed or in {@code unreviewed}) per reviewed pair. */
    public static double[] of(List<TrainingSample> samples, List<UnreviewedResume> unreviewed) {
        Map<String, List<Integer>> reviewedByJob = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            reviewedByJob
                    .computeIfAbsent(samples.get(i).jobId(), job -> new ArrayList<>())
                    .add(i);
        }
        Map<String, List<Double>> unreviewedByJob = new LinkedHashMap<>();
        for (UnreviewedResume resume : unreviewed) {
            if (reviewedByJob.containsKey(resume.jobId())) {
                unreviewedByJob
                        .computeIfAbsent(resume.jobId(), job -> new ArrayList<>())
                        .add(resume.resume().dot(resume.job()));
            }
        }
        double[] weights = new double[samples.size()];
        reviewedByJob.forEach((job, reviewed) -> {
            double[] reviewedSimilarity = reviewed.stream()
                    .mapToDouble(i -> samples.get(i).resume().dot(samples.get(i).job()))
                    .toArray();
            double[] population = DoubleStream.concat(
                            Arrays.stream(reviewedSimilarity),
                            unreviewedByJob.getOrDefault(job, List.of()).stream()
                                    .mapToDouble(Double::doubleValue))
                    .toArray();
            double[] jobWeights = jobWeights(reviewedSimilarity, population);
            for (int k = 0; k < reviewed.size(); k++) {
                weights[reviewed.get(k)] = jobWeights[k];
            }
        });
        return weights;
    }

    /** {@code population} holds {@code reviewed} and the job's unreviewed resumes' similarities. */
    static double[] jobWeights(double[] reviewed, double[] population) {
        int bands = Math.max(1, Math.min(MAX_BANDS, reviewed.length / REVIEWS_PER_BAND));
        double[] sorted = population.clone();
        Arrays.sort(sorted);
        double[] upperEdges = new double[bands - 1];
        for (int b = 0; b < upperEdges.length; b++) {
            upperEdges[b] = sorted[(int) ((long) sorted.length * (b + 1) / bands)];
        }
        int[] populationInBand = new int[bands];
        for (double similarity : population) {
            populationInBand[band(similarity, upperEdges)]++;
        }
        int[] reviewedInBand = new int[bands];
        int[] bandOf = new int[reviewed.length];
        for (int k = 0; k < reviewed.length; k++) {
            bandOf[k] = band(reviewed[k], upperEdges);
            reviewedInBand[bandOf[k]]++;
        }
        double[] weights = new double[reviewed.length];
        for (int k = 0; k < reviewed.length; k++) {
            weights[k] = (double) populationInBand[bandOf[k]] / reviewedInBand[bandOf[k]];
        }
        return weights;
    }

    private static int band(double similarity, double[] upperEdges) {
        int band = 0;
        while (band < upperEdges.length && similarity >= upperEdges[band]) {
            band++;
        }
        return band;
    }
}
