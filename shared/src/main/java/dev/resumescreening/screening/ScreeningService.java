package dev.resumescreening.screening;

import dev.resumescreening.config.Contract;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.Explanation;
import dev.resumescreening.domain.Job;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
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
import dev.resumescreening.ports.ResultRepository.NewResult;
import dev.resumescreening.ports.ResultRepository.UploadClaim;
import dev.resumescreening.ports.ScoringModel;
import dev.resumescreening.text.DocumentTextExtractor;
import dev.resumescreening.text.ExtractedText;
import dev.resumescreening.text.PersonalDetailsRedactor;
import dev.resumescreening.text.PostingSections;
import dev.resumescreening.text.RehearsalDocument;
import dev.resumescreening.text.ScoredText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    static final String CONTENT_CLAIM = "content#";
    static final String IDEMPOTENCY_CLAIM = "idempotency#";
    static final String STAGED_UPLOAD_CLAIM = "upload#";
    /** How long an idempotency key is remembered at least (DynamoDB's TTL removes it some time after). */
    static final Duration IDEMPOTENCY_KEY_LIFETIME = Duration.ofHours(24);

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
    private final StagedUploads staged;
    private final SimilarApplicants similarApplicants;
    private final Clock clock;

    @Inject
    public ScreeningService(
            JobService jobs,
            ResultRepository results,
            DocumentStore documents,
            DocumentTextExtractor extractor,
            PersonalDetailsRedactor redactor,
            Embedder embedder,
            ModelSelector models,
            StagedUploads staged,
            SimilarApplicants similarApplicants,
            Clock clock) {
        this.jobs = jobs;
        this.results = results;
        this.documents = documents;
        this.extractor = extractor;
        this.redactor = redactor;
        this.embedder = embedder;
        this.models = models;
        this.staged = staged;
        this.similarApplicants = similarApplicants;
        this.clock = clock;
    }

    /** What an upload came to: a new result, the result its idempotency key already has, or the earlier result of the same file. */
    public enum Outcome {
        CREATED,
        REPLAYED,
        DUPLICATE
    }

    public record Screening(ScreeningResult result, Outcome outcome) {}

    /**
     * Screens the upload, unless its idempotency key (scoped to the caller by the API) already has a result, which is
     * answered again, or the same file (by SHA-256) was already screened for the job, whose result is answered as the
     * one it duplicates. Both claims are written with the result in one transaction, so concurrent uploads of the same
     * key or file make one result, and the others answer it. A staged upload is read from the bucket and, once
     * answered, removed from there; its upload id is claimed as well, so the same request again answers the same.
     */
    public Screening screen(ResumeUpload upload) {
        String candidateName = candidateName(upload.candidateName());
        StoredJob stored = jobs.find(upload.jobId());
        if (upload.stagedUploadId() == null) {
            return screenContent(upload, candidateName, stored, null);
        }
        String jobId = stored.job().jobId();
        String stagedClaim = STAGED_UPLOAD_CLAIM + jobId + "#" + upload.stagedUploadId();
        Optional<Screening> answered = stagedReplay(stagedClaim);
        if (answered.isPresent()) {
            return answered.get();
        }
        ResumeUpload read = upload.withContent(staged.read(jobId, upload.stagedUploadId()));
        Screening screening = screenContent(read, candidateName, stored, stagedClaim);
        if (screening.outcome() != Outcome.CREATED) {
            try {
                results.addClaim(new UploadClaim(
                        stagedClaim,
                        screening.result().resultId(),
                        jobId,
                        screening.result().document().contentSha256(),
                        idempotencyExpiry(),
                        screening.outcome() == Outcome.DUPLICATE));
            } catch (ResultRepository.ClaimTaken taken) {
                return stagedReplay(stagedClaim).orElseThrow();
            }
        }
        staged.discard(jobId, upload.stagedUploadId());
        return screening;
    }

    private Screening screenContent(ResumeUpload upload, String candidateName, StoredJob stored, String stagedClaim) {
        Job job = stored.job();
        String sha256 = sha256(upload.content());
        String contentClaim = contentClaim(job.jobId(), sha256);
        String idempotencyClaim = upload.idempotencyKey() == null ? null : IDEMPOTENCY_CLAIM + upload.idempotencyKey();
        Optional<Screening> earlier = earlier(idempotencyClaim, contentClaim, job.jobId(), sha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return new Screening(
                    screenNew(upload, candidateName, stored, sha256, contentClaim, idempotencyClaim, stagedClaim),
                    Outcome.CREATED);
        } catch (ResultRepository.ClaimTaken taken) {
            return stagedReplay(stagedClaim)
                    .or(() -> earlier(idempotencyClaim, contentClaim, job.jobId(), sha256))
                    .orElseThrow(() -> new ProblemException(
                            ProblemKind.CONFLICT,
                            "upload_conflict",
                            "the same upload was being stored at the same time; try again"));
        }
    }

    /**
     * Screens a built-in one-page PDF against a built-in job with the live model, storing nothing: the whole scoring
     * path (PDF reading, redaction, what it copies from the posting and what it repeats, embedding, the model and its
     * weights, the explanation) without a record or file.
     * Returns the score.
     */
    public double rehearse() {
        ExtractedText text = extractor.extract(RehearsalDocument.pdf(), "rehearsal.pdf", DocumentTextExtractor.PDF);
        String modelText = redactor.redact(text.text(), "");
        ScoringModel model = models.forResult(UUID.randomUUID().toString());
        TermVector resume = embedder.embedResume(
                ScoredText.of(RehearsalDocument.JOB, modelText).text());
        // read as an upload reads its job's text (Job#matchedText), so that path is warm too
        String jobText = PostingSections.aboutTheWork(RehearsalDocument.JOB);
        TermVector job = embedder.embed(jobText);
        double probability = model.probability("rehearsal", resume, job);
        Explainer.explain(jobText, job, resume);
        return percent(probability);
    }

    /** The answer a staged upload already had: its own new result, or the earlier result of the same file. */
    private Optional<Screening> stagedReplay(String stagedClaim) {
        if (stagedClaim == null) {
            return Optional.empty();
        }
        return results.claim(stagedClaim).map(claim -> {
            JsonLog.info("resume.replayed", Map.of("result_id", claim.resultId()));
            return new Screening(claimed(claim), claim.ofEarlierResult() ? Outcome.DUPLICATE : Outcome.REPLAYED);
        });
    }

    /** The key of the claim a file (by its SHA-256) has on a job: one result per file per job. */
    public static String contentClaim(String jobId, String sha256) {
        return CONTENT_CLAIM + jobId + "#" + sha256;
    }

    private Optional<Screening> earlier(String idempotencyClaim, String contentClaim, String jobId, String sha256) {
        Optional<Screening> replay = replay(idempotencyClaim, jobId, sha256);
        if (replay.isPresent()) {
            return replay;
        }
        Optional<UploadClaim> content = results.claim(contentClaim);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        // both claims are written in one transaction: the file's claim may be this key's own upload, just committed
        replay = replay(idempotencyClaim, jobId, sha256);
        if (replay.isPresent()) {
            return replay;
        }
        JsonLog.info("resume.duplicate", Map.of("result_id", content.get().resultId(), "job_id", jobId));
        return Optional.of(new Screening(claimed(content.get()), Outcome.DUPLICATE));
    }

    private Optional<Screening> replay(String idempotencyClaim, String jobId, String sha256) {
        if (idempotencyClaim == null) {
            return Optional.empty();
        }
        return results.claim(idempotencyClaim).map(claim -> {
            if (!claim.jobId().equals(jobId) || !claim.contentSha256().equals(sha256)) {
                throw new ProblemException(
                        ProblemKind.UNPROCESSABLE,
                        "idempotency_key_reused",
                        "this Idempotency-Key was used for another upload (another file or job); use a new key");
            }
            JsonLog.info("resume.replayed", Map.of("result_id", claim.resultId()));
            return new Screening(claimed(claim), Outcome.REPLAYED);
        });
    }

    private ScreeningResult claimed(UploadClaim claim) {
        return results.find(claim.resultId())
                .orElseThrow(() -> ProblemException.notFound("screening_result", claim.resultId()));
    }

    private ScreeningResult screenNew(
            ResumeUpload upload,
            String candidateName,
            StoredJob stored,
            String sha256,
            String contentClaim,
            String idempotencyClaim,
            String stagedClaim) {
        Job job = stored.job();
        ExtractedText text = extractor.extract(upload.content(), upload.fileName(), upload.contentType());
        String resultId = UUID.randomUUID().toString();

        Double score = null;
        Double jobSimilarity = null;
        Double confidence = null;
        Decision decision = Decision.MANUAL_REVIEW;
        String modelVersion = null;
        Explanation explanation = null;
        // the model, the stored text and the reviewers of blind jobs never see the candidate's personal details
        String modelText = text.hasText() ? redactor.redact(text.text(), candidateName) : text.text();
        // what it copies from the posting is the employer's words, and what it says over and over counts as said twice
        ScoredText scored = ScoredText.of(job.title() + "\n" + job.description(), modelText);
        TermVector resumeEmbedding = text.hasText() ? embedder.embedResume(scored.text()) : null;
        // text without a single usable word (symbols, stop words) has nothing to score: a person looks at it
        if (resumeEmbedding != null && !resumeEmbedding.isEmpty()) {
            ScoringModel model = models.forResult(resultId);
            jobSimilarity = resumeEmbedding.dot(stored.embedding());
            double jobScale = jobs.jobScale(stored);
            TermVector jobVector = stored.embedding().scaled(jobScale);
            SimilarApplicants.Blend blend = similarApplicants.score(model, job.jobId(), resumeEmbedding, jobVector);
            score = percent(blend.probability());
            decision = Decision.forScore(score, job.threshold());
            confidence = confidence(score, job.threshold());
            modelVersion = model.version();
            explanation = Explainer.explain(jobs.explanationTerms(job), stored.embedding(), resumeEmbedding)
                    .scored(
                            jobScale,
                            percent(blend.own()),
                            blend.neighbours(),
                            blend.neighbours() == 0 ? null : percent(blend.neighbourMean()),
                            blend.weight());
            JsonLog.annotate("model_version", modelVersion);
        }

        String originalKey = Contract.get().prefix("resumes") + job.jobId() + "/" + resultId + extension(text);
        String textKey = Contract.get().prefix("text") + job.jobId() + "/" + resultId + ".txt";
        Document document = new Document(
                safeFileName(upload.fileName()),
                text.contentType(),
                originalKey,
                textKey,
                text.hasText(),
                text.pages(),
                text.pagesRead(),
                upload.content().length,
                text.truncated(),
                sha256,
                text.hiddenCharacters(),
                scored.copiedCharacters(),
                scored.repeatedCharacters());
        ScreeningResult result = new ScreeningResult(
                resultId,
                job.jobId(),
                candidateName,
                score,
                decision,
                confidence,
                modelVersion,
                Timestamps.format(clock.instant()),
                document,
                null,
                explanation,
                0);

        List<UploadClaim> claims = new ArrayList<>();
        claims.add(new UploadClaim(contentClaim, resultId, job.jobId(), sha256, null, false));
        if (idempotencyClaim != null) {
            claims.add(new UploadClaim(idempotencyClaim, resultId, job.jobId(), sha256, idempotencyExpiry(), false));
        }
        if (stagedClaim != null) {
            claims.add(new UploadClaim(stagedClaim, resultId, job.jobId(), sha256, idempotencyExpiry(), false));
        }
        store(
                originalKey,
                upload.content(),
                textKey,
                modelText,
                text.contentType(),
                new NewResult(
                        result, job.threshold(), resumeEmbedding, jobSimilarity, upload.selfIdentification(), claims));
        if (score != null) {
            similarApplicants.joined(job.jobId(), resumeEmbedding);
        }
        Metrics.count(Metrics.UPLOADS, Map.of());
        Metrics.count(Metrics.DECISIONS, Map.of("Decision", decision.name()));
        JsonLog.info(
                "resume.screened",
                Map.of(
                        "result_id",
                        resultId,
                        "job_id",
                        job.jobId(),
                        "decision",
                        decision.name(),
                        "model_version",
                        String.valueOf(modelVersion),
                        "pages",
                        text.pages(),
                        "pages_read",
                        text.pagesRead(),
                        "text_truncated",
                        text.truncated(),
                        "hidden_characters",
                        text.hiddenCharacters(),
                        "copied_characters",
                        scored.copiedCharacters(),
                        "repeated_characters",
                        scored.repeatedCharacters()));
        return result;
    }

    /**
     * Writes the original and its text side by side (two object-store round trips become one), then the record. If
     * anything fails, both files are removed: no stored file is left that no result points at. The candidate's
     * self-identification, if any, and the upload's claims are written with the record (one transaction).
     */
    private void store(
            String originalKey, byte[] original, String textKey, String text, String contentType, NewResult created) {
        CompletableFuture<Void> originalWrite =
                CompletableFuture.runAsync(() -> documents.put(originalKey, original, contentType), WRITERS);
        try {
            documents.put(textKey, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
            originalWrite.join();
            results.create(created);
        } catch (RuntimeException e) {
            originalWrite.handle((ignored, failure) -> null).join();
            removeQuietly(originalKey, textKey);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private long idempotencyExpiry() {
        return clock.instant().plus(IDEMPOTENCY_KEY_LIFETIME).getEpochSecond();
    }

    /** A probability as the percentage a result shows, to two decimals. */
    private static double percent(double probability) {
        return Math.round(probability * 10_000) / 100.0;
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
                JsonLog.warn(
                        "upload.cleanup_failed",
                        Map.of("key", key, "error", cleanupFailure.getClass().getSimpleName()));
            }
        }
    }

    private static String candidateName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_CANDIDATE_NAME_CHARS) {
            throw ProblemException.invalid(
                    "candidate_name_too_long",
                    "candidate_name must be at most " + MAX_CANDIDATE_NAME_CHARS + " characters");
        }
        return trimmed;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String extension(ExtractedText text) {
        return switch (text.contentType()) {
            case DocumentTextExtractor.PDF -> ".pdf";
            case DocumentTextExtractor.DOCX -> ".docx";
            default -> ".txt";
        };
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
