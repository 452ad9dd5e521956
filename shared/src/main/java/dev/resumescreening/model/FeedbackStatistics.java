package dev.resumescreening.model;

import dev.resumescreening.embedding.TermVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sums behind {@link JobFeedback}, built from labelled pairs while training. A pair's features are computed with
 * its own review left out of its job's prototypes ({@link #leaveOneOutFeatures}): the served model scores resumes that
 * are not part of the feedback it carries, so the network must learn from pairs seen the same way.
 *
 * <p>Unreviewed resumes of a job with both kinds of review join its prototypes where the reviews leave no doubt about
 * them: scored by the trained model's fixed part ({@code steepness * (cosine + }{@value #FEEDBACK_WEIGHT}{@code *
 * feedback - center)}) with the reviewed prototypes, a logit beyond {@value #CLEAR_LOGIT} either way. Why: the review
 * queue asks about resumes close to the threshold, whose prototypes say little about the many far from it. In an
 * offline replica of {@code evaluate} (real resumes, four job sets, 20 splits, random and near-threshold picks: 160
 * runs a budget), prototypes that also held the clear unreviewed resumes ranked held-out resumes better on average at
 * 25-100 reviews (+0.0139 over day one against +0.0113 at 50) and as well at 200; below day one at 50 reviews: 10
 * runs with reviewed prototypes alone, 1 with a logit beyond 2 (probability 0.12/0.88), none beyond 3 (0.05/0.95),
 * whose averages were the same: where day one ranks a job poorly, its confidence is wrong more often. The trust in a
 * job's feedback still counts reviews only.
 */
public final class FeedbackStatistics {
    /**
     * Weight of the job's feedback in the fixed part of a warm-started model ({@code s * (cos + b * feedback - c)}).
     * On the real resumes the feedback improved held-out ranking at 0.5 whichever way the reviews were picked; at 1
     * and above it helped with randomly picked reviews but hurt with the first reviews of the review queue, which are
     * close to the threshold and make less representative prototypes.
     */
    public static final double FEEDBACK_WEIGHT = 0.5;
    /** An unreviewed resume joins a prototype beyond this logit of the fixed part (probability 0.05 or 0.95). */
    public static final double CLEAR_LOGIT = 3.0;
    /** A prototype keeps its strongest terms: bounds a job's share of the weights file to about 64 KB. */
    static final int PROTOTYPE_TERMS = 4096;

    /** Unreviewed resumes and the day-one scale of the fixed part that judges them. */
    public record Unreviewed(List<UnreviewedResume> resumes, double center, double steepness) {
        public static final Unreviewed NONE = new Unreviewed(List.of(), 0, 0);

        public Unreviewed {
            resumes = List.copyOf(resumes);
        }

        /**
         * The resumes judged on the scale of the fixed part of a model trained with {@code trainedWith}; none, for a
         * model without a warm start (it has no fixed part).
         */
        public static Unreviewed judgedBy(List<UnreviewedResume> resumes, Hyperparameters trainedWith) {
            return trainedWith.warmStart()
                    ? new Unreviewed(resumes, trainedWith.baselineCenter(), trainedWith.baselineSteepness())
                    : NONE;
        }
    }

    private final Map<String, JobSums> byJob = new LinkedHashMap<>();

    private static final class JobSums {
        final Map<Integer, Double> shortlist = new HashMap<>();
        final Map<Integer, Double> reject = new HashMap<>();
        int shortlisted;
        int rejected;
        int clearShortlists;
        int clearRejects;
        double shortlistNorm2 = Double.NaN;
        double rejectNorm2 = Double.NaN;
    }

    private FeedbackStatistics() {}

    public static FeedbackStatistics of(List<TrainingSample> samples) {
        return of(samples, Unreviewed.NONE);
    }

    public static FeedbackStatistics of(List<TrainingSample> samples, Unreviewed unreviewed) {
        FeedbackStatistics statistics = new FeedbackStatistics();
        for (TrainingSample sample : samples) {
            JobSums sums = statistics.byJob.computeIfAbsent(sample.jobId(), id -> new JobSums());
            add(sample.label() == 1 ? sums.shortlist : sums.reject, sample.resume());
            if (sample.label() == 1) {
                sums.shortlisted++;
            } else {
                sums.rejected++;
            }
        }
        statistics.updateNorms();
        statistics.addClear(unreviewed);
        return statistics;
    }

    /** Every clear resume is judged on the reviewed prototypes alone, then all of them join at once. */
    private void addClear(Unreviewed unreviewed) {
        List<UnreviewedResume> clearShortlists = new ArrayList<>();
        List<UnreviewedResume> clearRejects = new ArrayList<>();
        for (UnreviewedResume resume : unreviewed.resumes()) {
            JobSums sums = byJob.get(resume.jobId());
            if (sums == null || sums.shortlisted == 0 || sums.rejected == 0) {
                continue;
            }
            float[] features = features(resume.jobId(), resume.resume(), resume.job(), false, false);
            double logit = fixedLogit(
                    features[PairFeatures.COSINE],
                    features[PairFeatures.FEEDBACK],
                    unreviewed.center(),
                    unreviewed.steepness());
            if (logit > CLEAR_LOGIT) {
                clearShortlists.add(resume);
            } else if (logit < -CLEAR_LOGIT) {
                clearRejects.add(resume);
            }
        }
        for (UnreviewedResume resume : clearShortlists) {
            JobSums sums = byJob.get(resume.jobId());
            add(sums.shortlist, resume.resume());
            sums.clearShortlists++;
        }
        for (UnreviewedResume resume : clearRejects) {
            JobSums sums = byJob.get(resume.jobId());
            add(sums.reject, resume.resume());
            sums.clearRejects++;
        }
        updateNorms();
    }

    /** The trained model's fixed part: the day-one similarity logit moved by the job's feedback. */
    public static double fixedLogit(double cosine, double feedback, double center, double steepness) {
        return steepness * (cosine + FEEDBACK_WEIGHT * feedback - center);
    }

    /** How many unreviewed resumes joined the prototypes: {shortlist side, reject side}. */
    public int[] clearUnreviewed() {
        int[] clear = new int[2];
        for (JobSums sums : byJob.values()) {
            clear[0] += sums.clearShortlists;
            clear[1] += sums.clearRejects;
        }
        return clear;
    }

    private static void add(Map<Integer, Double> sum, TermVector resume) {
        for (int k = 0; k < resume.size(); k++) {
            sum.merge(resume.index(k), (double) resume.weight(k), Double::sum);
        }
    }

    private void updateNorms() {
        for (JobSums sums : byJob.values()) {
            sums.shortlistNorm2 = norm2(sums.shortlist);
            sums.rejectNorm2 = norm2(sums.reject);
        }
    }

    /** The features of a pair of these statistics, its own review left out of its job's prototypes. */
    public float[] leaveOneOutFeatures(TrainingSample sample) {
        return features(sample.jobId(), sample.resume(), sample.job(), sample.label() == 1, true);
    }

    /** The features of a pair that is not part of these statistics, with its job's whole prototypes. */
    public float[] outsideFeatures(TrainingSample sample) {
        return features(sample.jobId(), sample.resume(), sample.job(), sample.label() == 1, false);
    }

    private float[] features(String jobId, TermVector resume, TermVector job, boolean shortlisted, boolean member) {
        JobSums sums = byJob.get(jobId);
        double cosine = resume.dot(job);
        if (sums == null) {
            return PairFeatures.of(cosine, 0, 0, 0, 0);
        }
        boolean inShortlist = member && shortlisted;
        boolean inReject = member && !shortlisted;
        double toShortlisted = cosineWithout(resume, sums.shortlist, sums.shortlistNorm2, inShortlist);
        double toRejected = cosineWithout(resume, sums.reject, sums.rejectNorm2, inReject);
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
