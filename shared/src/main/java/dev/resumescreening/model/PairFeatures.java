package dev.resumescreening.model;

import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.model.JobFeedback.Prototypes;

/**
 * The classifier's input for one (resume, job) pair: what generalises across jobs (the similarity of resume and job)
 * and what the job's own reviews say (how much closer the resume is to the resumes reviewers shortlisted for this job
 * than to those they rejected, trusted more as both kinds of review accumulate).
 *
 * <p>Layout ({@value #DIMENSION} values): {@code [cos(resume, job), trust * (cos(resume, shortlisted prototype) -
 * cos(resume, rejected prototype)), trust]} with {@code trust = m / (m + }{@value #TRUST_HALF}{@code )} and
 * {@code m} the smaller of the job's shortlisted and rejected review counts; without both kinds of review the last two
 * are 0 and the pair is scored on its similarity alone.
 */
public final class PairFeatures {
    public static final int DIMENSION = 3;
    public static final String LAYOUT = "[cos(resume,job), trust*(cos(resume,shortlisted prototype)-cos(resume,rejected"
            + " prototype)), trust]; trust=m/(m+" + PairFeatures.TRUST_HALF + "), m=min(shortlisted,rejected reviews of"
            + " the job)";
    /** Reviews of the scarcer kind at which the job's feedback is trusted half. */
    public static final int TRUST_HALF = 5;
    /** Index of the similarity, the feature the warm start reads. */
    public static final int COSINE = 0;
    /** Index of the feedback difference. */
    public static final int FEEDBACK = 1;

    private PairFeatures() {}

    /** Features of a pair as the served model sees them; {@code prototypes} null when the job has no feedback. */
    public static float[] of(TermVector resume, TermVector job, Prototypes prototypes) {
        double cosine = resume.dot(job);
        if (prototypes == null) {
            return of(cosine, 0, 0, 0, 0);
        }
        return of(
                cosine,
                prototypes.shortlisted(),
                prototypes.rejected(),
                resume.dot(prototypes.shortlist()),
                resume.dot(prototypes.reject()));
    }

    /** Features from the similarity and the resume's cosines to the job's prototypes of {@code shortlisted} and
     * {@code rejected} reviews. */
    public static float[] of(double cosine, int shortlisted, int rejected, double toShortlisted, double toRejected) {
        int scarcer = Math.min(shortlisted, rejected);
        if (scarcer <= 0) {
            return new float[] {(float) cosine, 0f, 0f};
        }
        double trust = scarcer / (double) (scarcer + TRUST_HALF);
        return new float[] {(float) cosine, (float) (trust * (toShortlisted - toRejected)), (float) trust};
    }
}
