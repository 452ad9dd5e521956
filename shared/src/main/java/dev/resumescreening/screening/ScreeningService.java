package dev.resumescreening.screening;

import dev.resumescreening.compliance.SelfIdentification;
import dev.resumescreening.config.Contract;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.Job;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.domain.ScreeningResult.Document;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.logging.Metrics;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.ports.Embedder;
import dev.resumescreening.ports.JobRepository.StoredJob;
import dev.resumescreening.ports.ModelSelector;
import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.ports.ScoringModel;
import dev.resumescreening.text.DocumentTextExtractor;
import dev.resumescreening.text.ExtractedText;
import dev.resumescreening.text.PersonalDetailsRedactor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Screens one uploaded resume: read its text, score it against the job with the selected model, keep the file and
 * its text, and record the result. Everything that can fail on bad input happens before the first write; the
 * record is written last, so a failure never leaves a result pointing at missing files.
 */
@Singleton
public final class ScreeningService {
    private static final int MAX_CANDIDATE_NAME_CHARS = 200;
    private static final Executor WRITERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "document-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final JobService jobs;
    private final ResultRepository results;
    private final DocumentStore documents;
    private final DocumentTextExtractor extractor;
    private final PersonalDetailsRedactor redactor;
    private final Embedder embedder;
    private final ModelSelector models;
    private final Clock clock;

    @Inject
    public ScreeningService(JobService jobs, ResultRepository results, DocumentStore documents,
                            DocumentTextExtractor extractor, PersonalDetailsRedactor redactor, Embedder embedder,
                            ModelSelector models, Clock clock) {
        this.jobs = jobs;
        this.results = results;
        this.documents = documents;
        this.extractor = extractor;
        this.redactor = redactor;
        this.embedder = embedder;
        this.models = models;
        this.clock = clock;
    }

    public ScreeningResult screen(ResumeUpload upload) {
        String candidateName = candidateName(upload.candidateName());
        StoredJob stored = jobs.find(upload.jobId());
        Job job = stored.job();
        ExtractedText text = extractor.extract(upload.content(), upload.fileName(), upload.contentType());
        String resultId = UUID.randomUUID().toString();

        Double score = null;
        Double confidence = null;
        Decision decision = Decision.MANUAL_REVIEW;
        String modelVersion = null;
        // the model, the stored text and the reviewers of blind jobs never see the candidate's personal details
        String modelText = text.hasText() ? redactor.redact(text.text(), candidateName) : text.text();
        TermVector resumeEmbedding = text.hasText() ? embedder.embed(modelText) : null;
        // text without a single usable word (symbols, stop words) has nothing to score: a person looks at it
        if (resumeEmbedding != null && !resumeEmbedding.isEmpty()) {
            ScoringModel model = models.forResult(resultId);
            score = Math.round(model.probability(job.jobId(), resumeEmbedding, stored.embedding()) * 10_000) / 100.0;
            decision = Decision.forScore(score, job.threshold());
            confidence = confidence(score, job.threshold());
            modelVersion = model.version();
            JsonLog.annotate("model_version", modelVersion);
        }

        String originalKey = Contract.get().prefix("resumes") + job.jobId() + "/" + resultId + extension(text);
        String textKey = Contract.get().prefix("text") + job.jobId() + "/" + resultId + ".txt";
        Document document = new Document(safeFileName(upload.fileName()), text.contentType(), originalKey, textKey,
                text.hasText(), text.pages(), text.pagesRead(), upload.content().length, text.truncated());
        ScreeningResult result = new ScreeningResult(resultId, job.jobId(), candidateName, score, decision, confidence,
                modelVersion, Timestamps.format(clock.instant()), document, null);

        store(result, originalKey, upload.content(), textKey, modelText, text.contentType(), job.threshold(),
                resumeEmbedding, upload.selfIdentification());
        Metrics.count(Metrics.UPLOADS, Map.of());
        Metrics.count(Metrics.DECISIONS, Map.of("Decision", decision.name()));
        JsonLog.info("resume.screened", Map.of("result_id", resultId, "job_id", job.jobId(),
                "decision", decision.name(), "model_version", String.valueOf(modelVersion),
                "pages", text.pages(), "pages_read", text.pagesRead(), "text_truncated", text.truncated()));
        return result;
    }

    /**
     * Writes the original and its text side by side (two object-store round trips become one), then the record. If
     * anything fails, both files are removed: no stored file is left that no result points at. The candidate's
     * self-identification, if any, is written with the record (one transaction): never half of the two.
     */
    private void store(ScreeningResult result, String originalKey, byte[] original, String textKey, String text,
                       String contentType, double threshold, TermVector resumeEmbedding,
                       SelfIdentification selfIdentification) {
        CompletableFuture<Void> originalWrite = CompletableFuture.runAsync(
                () -> documents.put(originalKey, original, contentType), WRITERS);
        try {
            documents.put(textKey, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
            originalWrite.join();
            results.create(result, threshold, resumeEmbedding, selfIdentification);
        } catch (RuntimeException e) {
            originalWrite.handle((ignored, failure) -> null).join();
            removeQuietly(originalKey, textKey);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How sure the decision is: 0.5 at the threshold, 1.0 at the far end of the scale. */
    static double confidence(double score, double threshold) {
        double room = score >= threshold ? 100 - threshold : threshold;
        double certainty = room == 0 ? 1.0 : Math.abs(score - threshold) / room;
        return Math.round((0.5 + 0.5 * certainty) * 10_000) / 10_000.0;
    }

    private void removeQuietly(String... keys) {
        for (String key : keys) {
            try {
                documents.delete(key);
            } catch (RuntimeException cleanupFailure) {
                JsonLog.warn("upload.cleanup_failed", Map.of("key", key, "error", cleanupFailure.getClass().getSimpleName()));
            }
        }
    }

    private static String candidateName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_CANDIDATE_NAME_CHARS) {
            throw ProblemException.invalid("candidate_name_too_long",
                    "candidate_name must be at most " + MAX_CANDIDATE_NAME_CHARS + " characters");
        }
        return trimmed;
    }

    private static String extension(ExtractedText text) {
        return DocumentTextExtractor.PDF.equals(text.contentType()) ? ".pdf" : ".txt";
    }

    private static String safeFileName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 255 ? base.substring(0, 255) : base;
    }
}
