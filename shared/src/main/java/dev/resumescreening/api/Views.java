package dev.resumescreening.api;

import dev.resumescreening.domain.Explanation;
import dev.resumescreening.domain.Job;
import dev.resumescreening.domain.JobCounts;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.text.PostingSections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON shapes, snake_case as in the guide. */
public final class Views {
    private Views() {}

    public static Map<String, Object> job(Job job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job_id", job.jobId());
        view.put("title", job.title());
        view.put("description", job.description());
        view.put("threshold", job.threshold());
        view.put("blind_review", job.blindReview());
        view.put("created_at", job.createdAt());
        return view;
    }

    /**
     * The job as its own page shows it: with its description cut into the parts resumes are matched against and the
     * sections about the employer, the offer and the application and the labelled conditions of employment that are
     * left out ({@link PostingSections}).
     */
    public static Map<String, Object> jobWithParts(Job job) {
        Map<String, Object> view = job(job);
        view.put(
                "description_parts",
                PostingSections.parts(job.description()).stream()
                        .map(Views::part)
                        .toList());
        return view;
    }

    private static Map<String, Object> part(PostingSections.Part part) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("text", part.text());
        view.put("matched", part.matched());
        return view;
    }

    /** The job with its counts. */
    public static Map<String, Object> job(Job job, JobCounts counts) {
        Map<String, Object> view = job(job);
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("screened", counts.screened());
        numbers.put("reviewed", counts.reviewed());
        numbers.put("shortlisted_by_ai", counts.shortlistedByAi());
        numbers.put("shortlisted_by_people", counts.shortlistedByPeople());
        view.put("counts", numbers);
        return view;
    }

    public static Map<String, Object> result(ScreeningResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("screening_result_id", result.resultId());
        view.put("id", result.resultId());
        view.put("job_id", result.jobId());
        view.put("candidate_name", result.candidateName());
        view.put("score", result.score());
        view.put("decision", result.decision().name());
        view.put("confidence", result.confidence());
        view.put("model_version", result.modelVersion());
        view.put("human_reviewed", result.humanReviewed());
        view.put("created_at", result.createdAt());
        ScreeningResult.Document document = result.document();
        view.put("file_name", document.fileName());
        view.put("text_extracted", document.textExtracted());
        view.put("pages", document.pages());
        view.put("pages_read", document.pagesRead());
        view.put("text_truncated", document.textTruncated());
        view.put("hidden_characters", document.hiddenCharacters());
        view.put("copied_characters", document.copiedCharacters());
        view.put("repeated_characters", document.repeatedCharacters());
        ScreeningResult.Review review = result.review();
        view.put(
                "human_decision", review == null ? null : review.humanDecision().apiName());
        view.put("reviewed_by", review == null ? null : review.reviewer());
        view.put("reviewed_at", review == null ? null : review.reviewedAt());
        view.put("notes", review == null ? null : review.notes());
        view.put("needs_retraining", review != null && review.needsRetraining());
        view.put("review_version", result.reviewVersion());
        view.put("explanation", result.explanation() == null ? null : explanation(result.explanation()));
        return view;
    }

    private static Map<String, Object> explanation(Explanation explanation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("found", explanation.found());
        view.put("missing", explanation.missing());
        view.put("job_scale", explanation.jobScale());
        view.put("own_score", explanation.ownScore());
        view.put("similar_applicants", explanation.similarApplicants());
        view.put("similar_applicants_score", explanation.similarApplicantsScore());
        view.put("similar_applicants_weight", explanation.similarApplicantsWeight());
        return view;
    }
}
