package dev.resumescreening.training;

import dev.resumescreening.config.Contract;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.model.TrainingDataCsv;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.model.TrainingSet;
import dev.resumescreening.model.UnreviewedResume;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.screening.JobService;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.apache.commons.csv.CSVPrinter;

/**
 * A run's training data: every reviewed result with a resume embedding, paired with its job's embedding and labelled
 * by the human decision (shortlist = 1), and then, for each job with both kinds of review, its newest
 * {@value #UNREVIEWED_PER_JOB} unreviewed scored results (empty label; at most {@value #UNREVIEWED_PER_RUN} in all),
 * written as {@link TrainingDataCsv} to training-data/{run_id}/train.csv. Rows go to a temporary file as they are
 * read, so only the data that is trained in this process is ever held in memory.
 */
@Singleton
public final class TrainingData {
    public static final String FILE_NAME = "train.csv";
    /**
     * Unreviewed resumes a job's prototypes may draw on. Bounds what a run reads and holds; in the offline replica of
     * {@code evaluate}, 100 to 200 a job gave the same held-out ranking as every unreviewed resume (about 330 a job).
     */
    public static final int UNREVIEWED_PER_JOB = 200;
    /**
     * Unreviewed resumes of a whole run, the jobs with the most reviews first: about 75 MB of vectors in the training
     * function's memory (real resumes average 900 terms).
     */
    public static final int UNREVIEWED_PER_RUN = 10_000;

    private final ResultRepository results;
    private final JobService jobs;
    private final DocumentStore documents;

    @Inject
    public TrainingData(ResultRepository results, JobService jobs, DocumentStore documents) {
        this.results = results;
        this.jobs = jobs;
        this.documents = documents;
    }

    public static String folderKey(String runId) {
        return Contract.get().prefix("training_data") + runId + "/";
    }

    public static String csvKey(String runId) {
        return folderKey(runId) + FILE_NAME;
    }

    /** Writes the run's CSV to the bucket; the caller deletes {@link Gathered#file()}. */
    public Gathered gather(String runId) {
        Path file;
        long[] counts = new long[3];
        try {
            file = Files.createTempFile("training-" + runId, ".csv");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter out = TrainingDataCsv.printer(writer)) {
                // each job's vector as models score with it, read once a run
                Map<String, Optional<TermVector>> jobsOfRun = new HashMap<>();
                Map<String, long[]> labelsByJob = new TreeMap<>();
                results.forEachReviewed(null, reviewed -> {
                    ScreeningResult result = reviewed.result();
                    Optional<TermVector> job = jobsOfRun.computeIfAbsent(
                            result.jobId(), id -> jobs.lookup(id).map(jobs::scoringVector));
                    if (reviewed.resumeEmbedding() == null || result.review() == null || job.isEmpty()) {
                        return;
                    }
                    int label = result.review().humanDecision() == Decision.SHORTLIST ? 1 : 0;
                    try {
                        TrainingDataCsv.writeRow(
                                out,
                                new TrainingSample(
                                        result.resultId(),
                                        result.jobId(),
                                        reviewed.resumeEmbedding(),
                                        job.get(),
                                        label));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    counts[label]++;
                    labelsByJob.computeIfAbsent(result.jobId(), id -> new long[2])[label]++;
                });
                List<String> mostReviewedFirst = labelsByJob.entrySet().stream()
                        .filter(job -> job.getValue()[0] > 0 && job.getValue()[1] > 0)
                        .sorted(Comparator.comparingLong(job -> -(job.getValue()[0] + job.getValue()[1])))
                        .map(Map.Entry::getKey)
                        .toList();
                for (String jobId : mostReviewedFirst) {
                    int room = (int) Math.min(UNREVIEWED_PER_JOB, UNREVIEWED_PER_RUN - counts[2]);
                    if (room > 0) {
                        counts[2] +=
                                writeUnreviewed(out, jobId, jobsOfRun.get(jobId).orElseThrow(), room);
                    }
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                documents.putStream(csvKey(runId), in, "text/csv");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training data of run " + runId, e);
        }
        return new Gathered(csvKey(runId), file, counts[1], counts[0], counts[2]);
    }

    private long writeUnreviewed(CSVPrinter out, String jobId, TermVector jobVector, int limit) {
        long[] written = new long[1];
        results.forEachUnreviewed(jobId, limit, unreviewed -> {
            try {
                TrainingDataCsv.writeUnreviewed(
                        out,
                        new UnreviewedResume(
                                unreviewed.result().resultId(), jobId, unreviewed.resumeEmbedding(), jobVector));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written[0]++;
        });
        return written[0];
    }

    /** A run's CSV in the bucket, split into the samples whose ids are in {@code testIds} and the ids of the rest. */
    public HeldOut heldOut(String runId, Set<String> testIds) {
        byte[] csv = documents
                .get(csvKey(runId))
                .orElseThrow(() -> new IllegalStateException("training data " + csvKey(runId) + " is missing"));
        TrainingSet set;
        try {
            set = TrainingDataCsv.readSet(new StringReader(new String(csv, StandardCharsets.UTF_8)), csvKey(runId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<TrainingSample> test = set.reviewed().stream()
                .filter(sample -> testIds.contains(sample.id()))
                .toList();
        return new HeldOut(set.reviewed(), test, set.unreviewed());
    }

    /**
     * Every sample of a run and those its model's network did not train on, and the unreviewed resumes its job
     * feedback drew on. The model's job feedback holds every sample, so all of them count as seen by it when it is the
     * model to beat.
     */
    public record HeldOut(List<TrainingSample> all, List<TrainingSample> test, List<UnreviewedResume> unreviewed) {
        public Set<String> allIds() {
            Set<String> ids = new HashSet<>();
            all.forEach(sample -> ids.add(sample.id()));
            return ids;
        }
    }

    /** The run's file: {@code positive} and {@code negative} reviewed pairs, and {@code unreviewed} resumes. */
    public record Gathered(String key, Path file, long positive, long negative, long unreviewed) {
        public long count() {
            return positive + negative;
        }

        public TrainingSet read() {
            try {
                return TrainingDataCsv.readSet(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless; the container's /tmp goes with it
            }
        }
    }
}
