package dev.resumescreening.domain;

/**
 * One screened resume. {@code score} and {@code confidence} are null when the document had no text to score, and so
 * is {@code explanation}; the review fields stay null until a human reviews it. {@code reviewVersion} counts the
 * reviews and undos of the result (0 before the first), so a request can name the review it means.
 */
public record ScreeningResult(
        String resultId,
        String jobId,
        String candidateName,
        Double score,
        Decision decision,
        Double confidence,
        String modelVersion,
        String createdAt,
        Document document,
        Review review,
        Explanation explanation,
        long reviewVersion) {

    public ScreeningResult(
            String resultId,
            String jobId,
            String candidateName,
            Double score,
            Decision decision,
            Double confidence,
            String modelVersion,
            String createdAt,
            Document document,
            Review review) {
        this(
                resultId,
                jobId,
                candidateName,
                score,
                decision,
                confidence,
                modelVersion,
                createdAt,
                document,
                review,
                null,
                0);
    }

    public boolean humanReviewed() {
        return review != null;
    }

    /** The result with {@code newReview} (null: unreviewed) at review version {@code version}. */
    public ScreeningResult withReview(Review newReview, long version) {
        return new ScreeningResult(
                resultId,
                jobId,
                candidateName,
                score,
                decision,
                confidence,
                modelVersion,
                createdAt,
                document,
                newReview,
                explanation,
                version);
    }

    /**
     * Where the uploaded file and its text are kept, and what was read from it; {@code textTruncated} when the text
     * stopped at the extraction limit and only its start was screened; {@code contentSha256} the file's SHA-256 (hex),
     * by which a second upload of the same file for the job is recognised (null for results of earlier releases);
     * {@code hiddenCharacters} how many characters the file holds that no reader of it sees, which were not read;
     * {@code copiedCharacters} how many characters of its text are copied word for word from the job's posting, which
     * were not scored; {@code repeatedCharacters} how many characters of its text repeat a passage it already says
     * twice, which were not scored either.
     */
    public record Document(
            String fileName,
            String contentType,
            String originalKey,
            String textKey,
            boolean textExtracted,
            int pages,
            int pagesRead,
            long sizeBytes,
            boolean textTruncated,
            String contentSha256,
            long hiddenCharacters,
            long copiedCharacters,
            long repeatedCharacters) {
        public Document(
                String fileName,
                String contentType,
                String originalKey,
                String textKey,
                boolean textExtracted,
                int pages,
                int pagesRead,
                long sizeBytes) {
            this(
                    fileName,
                    contentType,
                    originalKey,
                    textKey,
                    textExtracted,
                    pages,
                    pagesRead,
                    sizeBytes,
                    false,
                    null,
                    0,
                    0,
                    0);
        }
    }

    /** The latest human review of the result. */
    public record Review(
            Decision humanDecision, String reviewer, String reviewedAt, String notes, boolean needsRetraining) {}
}
