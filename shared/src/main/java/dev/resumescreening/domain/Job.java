package dev.resumescreening.domain;

import dev.resumescreening.text.PostingSections;

/**
 * A job description resumes are screened against. Immutable once created. With {@code blindReview} reviewers see
 * only the text of a resume with the candidate's personal details removed; admins still see the original.
 */
public record Job(
        String jobId, String title, String description, double threshold, String createdAt, boolean blindReview) {
    public static final double DEFAULT_THRESHOLD = 50.0;

    /**
     * What resumes are matched against: the title and the description's part about the work, without its sections
     * about the employer, the offer and the application and its labelled conditions of employment
     * ({@link PostingSections}).
     */
    public String matchedText() {
        return title + "\n" + PostingSections.aboutTheWork(description);
    }
}
