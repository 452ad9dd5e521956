package dev.resumescreening.model;

import dev.resumescreening.embedding.TermVector;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sums behind {@link JobFeedback}, built from labelled pairs while training. A pair's features are computed with
 * its own review left out of its job's prototypes ({@link #leaveOneOutFeatures}): the served model scores resumes that
 * are not part of the feedback it carries, so the network must learn from pairs seen the same way.
 */
public final class FeedbackStatistics {
    /** A prototype keeps its strongest terms: bounds a job's share of the weights file to about 64 KB. */
    static final int PROTOTYPE_TERMS = 4096;

    private final Map<String, JobSums> byJob = new LinkedHashMap<>();

    private static final class JobSums {
        final Map<Integer, Double> shortlist = new HashMap<>();
        final Map<Integer, Double> reject = new HashMap<>();
        int shortlisted;
        int rejected;
        double shortlistNorm2 = Double.NaN;
        double rejectNorm2 = Double.NaN;
    }

    private FeedbackStatistics() {}

    public static FeedbackStatistics of(List<TrainingSample> samples) {
        FeedbackStatistics statistics = new FeedbackStatistics();
        for (TrainingSample sample : samples) {
            JobSums sums = statistics.byJob.computeIfAbsent(sample.jobId(), id -> new JobSums());
            Map<Integer, Double> sum = sample.label() == 1 ? sums.shortlist : sums.reject;
            TermVector resume = sample.resume();
            for (int k = 0; k < resume.size(); k++) {
                sum.merge(resume.index(k), (double) resume.weight(k), Double::sum);
            }
            if (sample.label() == 1) {
                sums.shortlisted++;
            } else {
                sums.rejected++;
            }
        }
        for (JobSums sums : statistics.byJob.values()) {
            sums.shortlistNorm2 = norm2(sums.shortlist);
            sums.rejectNorm2 = norm2(sums.reject);
        }
        return statistics;
    }

    /** The features of a pair of these statistics, its own review left out of its job's prototypes. */
    public float[] leaveOneOutFeatures(TrainingSample sample) {
        return features(sample, true);
    }

    /** The features of a pair that is not part of these statistics, with its job's whole prototypes. */
    public float[] outsideFeatures(TrainingSample sample) {
        return features(sample, false);
    }

    private float[] features(TrainingSample sample, boolean member) {
        JobSums sums = byJob.get(sample.jobId());
        double cosine = sample.resume().dot(sample.job());
        if (sums == null) {
            return PairFeatures.of(cosine, 0, 0, 0, 0);
        }
        boolean inShortlist = member && sample.label() == 1;
        boolean inReject = member && sample.label() == 0;
        double toShortlisted = cosineWithout(sample.resume(), sums.shortlist, sums.shortlistNorm2, inShortlist);
        double toRejected = cosineWithout(sample.resume(), sums.reject, sums.rejectNorm2, inReject);
        return PairFeatures.of(
                cosine,
                sums.shortlisted - (inShortlist ? 1 : 0),
                sums.rejected - (inReject ? 1 : 0),
                toShortlisted,
                toRejected);
    }

    /** The prototypes of every job, for the served model. */
    public JobFeedback freeze() {
        Map<String, JobFeedback.Prototypes> byJobPrototypes = new LinkedHashMap<>();
        byJob.forEach((jobId, sums) -> byJobPrototypes.put(
                jobId,
                new JobFeedback.Prototypes(
                        sums.shortlisted,
                        sums.rejected,
                        TermVector.normalised(sums.shortlist, PROTOTYPE_TERMS),
                        TermVector.normalised(sums.reject, PROTOTYPE_TERMS))));
        return new JobFeedback(byJobPrototypes);
    }

    /**
     * Cosine of the (normalised) resume with the sum {@code sum}, less the resume itself when {@code member}:
     * {@code |S - r|^2 = |S|^2 - 2 r.S + 1}.
     */
    private static double cosineWithout(TermVector resume, Map<Integer, Double> sum, double norm2, boolean member) {
        if (sum.isEmpty()) {
            return 0;
        }
        double dot = 0;
        double resumeNorm2 = 0;
        for (int k = 0; k < resume.size(); k++) {
            Double value = sum.get(resume.index(k));
            double weight = resume.weight(k);
            resumeNorm2 += weight * weight;
            if (value != null) {
                dot += weight * value;
            }
        }
        double remainingNorm2 = member ? norm2 - 2 * dot + resumeNorm2 : norm2;
        double remainingDot = member ? dot - resumeNorm2 : dot;
        return remainingNorm2 <= 1e-9 ? 0 : remainingDot / Math.sqrt(remainingNorm2);
    }

    private static double norm2(Map<Integer, Double> sum) {
        double total = 0;
        for (double value : sum.values()) {
            total += value * value;
        }
        return total;
    }
}
