package dev.resumescreening.domain;

/** A job description resumes are screened against. Immutable once created. */
public record Job(String jobId, String title, String description, double threshold, String createdAt) {
    public static final double DEFAULT_THRESHOLD = 50.0;
}
