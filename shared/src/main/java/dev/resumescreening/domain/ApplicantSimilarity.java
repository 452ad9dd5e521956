package dev.resumescreening.domain;

/**
 * How closely a job's applicants so far match its description: how many resumes were scored for it and the sum of
 * their cosine similarities with the description. Kept in the job's counters item, moved by every upload.
 *
 * <p>Why: how high cosines run depends on how a job is written as much as on who applies. A long ad with a company
 * pitch, or one asking for a narrow part of a field, gives even its best applicants cosines a short plain posting
 * gives an average one, so one calibration for every job shortlisted 3% of one job's applicants and 30% of
 * another's, a quarter matching in each. Scaling each job's cosines so its typical applicant sits at the typical
 * cosine of the calibration ({@link #scale}) puts every job on the same footing: on the real resumes against four
 * sets of job descriptions, day-one decisions were right for 92% of pairs in every set (85-93% before), and the
 * pooled held-out ROC AUC rose in every set (mean of 20 splits: narrow ads 0.939 to 0.958, the three others by
 * 0.002-0.005).
 */
public record ApplicantSimilarity(long count, double cosineSum) {
    public static final ApplicantSimilarity NONE = new ApplicantSimilarity(0, 0);
    /**
     * Applicants the typical cosine counts as before the job's own are trusted: its first resumes are scored nearly as
     * without scaling, and no single resume moves the scale much.
     */
    static final int PRIOR_APPLICANTS = 20;
    /** Bounds of the scale: a job whose applicants all miss (or all match) is not stretched beyond them. */
    static final double MIN_SCALE = 0.5;

    static final double MAX_SCALE = 2.0;

    /**
     * The factor the job's cosines are multiplied by: {@code typicalCosine} over the mean cosine of its applicants
     * (with {@value #PRIOR_APPLICANTS} applicants at {@code typicalCosine} added), within [{@value #MIN_SCALE},
     * {@value #MAX_SCALE}].
     */
    public double scale(double typicalCosine) {
        double mean = (cosineSum + PRIOR_APPLICANTS * typicalCosine) / (count + PRIOR_APPLICANTS);
        if (!(mean > 0)) {
            return MAX_SCALE;
        }
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, typicalCosine / mean));
    }
}
