package dev.resumescreening.domain;

/**
 * A job description resumes are screened against. Immutable once created. With {@code blindReview} reviewers see
 * only the text of a resume with the candidate's personal details removed; admins still see the original.
 */
public record Job(
        String jobId, String title, String description, double threshold, String createdAt, boolean blindReview) {
    public static final double DEFAULT_THRESHOLD = 50.0;
}
