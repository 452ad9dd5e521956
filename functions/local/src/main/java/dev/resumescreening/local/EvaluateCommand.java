package dev.resumescreening.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.ClassificationMetrics;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.MlpClassifier;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.ports.ScoringModel;
import dev.resumescreening.registry.TrainedScoringModel;
import dev.resumescreening.screening.JobService;
import dev.resumescreening.screening.SimilarApplicants;
import dev.resumescreening.screening.SimilarityModel;
import dev.resumescreening.trainer.MlpTrainer;
import dev.resumescreening.training.TrainingRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code evaluate}: measures the whole loop on labelled data. Every resume is screened against every job through the
 * upload handler; a stratified part of the resumes is held out ({@code --split FILE} writes the held-out files, or
 * reads them when the file exists); then, for each review budget, reviews with the true labels go in through the
 * feedback handler (picked by the review queue or at random), the scheduled training runs (forced) through its
 * handler, and the held-out pairs are scored by the similarity baseline, by the live model, by the model that run
 * trained (whether or not the gate let it go live), and by two references computed on the same split: the plain
 * lexical cosine (no learning) and a "fully supervised" ceiling, the same trainer given every pool pair's label.
 * {@code --plot FILE} draws the learning curve (ROC AUC against reviews) as a PNG. The held-out resumes' results are
 * erased once screened (their vectors kept here): training never sees them, not even as unreviewed resumes.
 */
final class EvaluateCommand {
    private static final double TEST_FRACTION = 0.3;
    private static final int QUEUE_PAGE = 100;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final LocalEnvironment environment;
    private final LocalApi api;
    private final long seed;
    private final Random random;
    private final boolean queueSampling;
    private final Map<String, TermVector> resumeEmbeddings = new HashMap<>();
    /** Held-out results' text as the textbook cosine reads it: every line alike, no headline weighted. */
    private final Map<String, TermVector> textbookResumeVectors = new HashMap<>();
    /** Each job's whole posting as the textbook cosine reads it: every section alike. */
    private final Map<String, TermVector> textbookJobVectors = new HashMap<>();
    /** Job label by job id, for the per-job figures. */
    private final Map<String, String> jobLabels = new TreeMap<>();

    private EvaluateCommand(LocalEnvironment environment, LocalApi api, long seed, boolean queueSampling) {
        this.environment = environment;
        this.api = api;
        this.seed = seed;
        this.random = new Random(seed);
        this.queueSampling = queueSampling;
    }

    /** A resume file of a label, and whether it is held out. */
    private record Resume(String label, Path file, String relative, boolean heldOut) {}

    /** One screened (resume, job) pair and whether it is a true match. */
    private record Pair(String resultId, String jobId, boolean match, boolean heldOut) {}

    /** Held-out resume files: from {@code --split FILE} when it exists, else a stratified draw (written there). */
    private static final class Split {
        private final Set<String> heldOut;
        private final Path file;

        private Split(Set<String> heldOut, Path file) {
            this.heldOut = heldOut;
            this.file = file;
        }

        static Split read(Path file) throws IOException {
            if (file != null && Files.exists(file)) {
                return new Split(
                        new HashSet<>(Files.readAllLines(file).stream()
                                .map(String::strip)
                                .filter(line -> !line.isEmpty())
                                .toList()),
                        null);
            }
            return new Split(null, file);
        }

        boolean drawn() {
            return heldOut == null;
        }
    }

    @Command(
            name = "evaluate",
            description = {
                "Measure the loop on labelled data (jobs DIR/<LABEL>.txt, resumes "
                        + "DIR/<LABEL>/*.pdf|txt): one JSON line per review budget with the similarity baseline's and the live "
                        + "model's held-out AUC/accuracy/F1."
            })
    static final class Cli implements Callable<Integer> {
        enum Sampling {
            QUEUE,
            RANDOM
        }

        @Option(names = "--jobs", paramLabel = "DIR", required = true, description = "one <LABEL>.txt per job")
        Path jobsDir;

        @Option(
                names = "--resumes",
                paramLabel = "DIR",
                required = true,
                description = "one <LABEL>/ folder of .pdf and .txt resumes per job")
        Path resumesDir;

        @Option(
                names = "--reviews",
                paramLabel = "N",
                split = ",",
                defaultValue = "20,50,100,200",
                description = "review budgets; default: ${DEFAULT-VALUE}")
        List<Integer> budgets;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "default: ${DEFAULT-VALUE}")
        long seed;

        @Option(
                names = "--sampling",
                paramLabel = "queue|random",
                defaultValue = "queue",
                description = "which results are reviewed: the review queue's picks or random ones; default: queue")
        Sampling sampling;

        @Option(
                names = "--split",
                paramLabel = "FILE",
                description = "the held-out resume files: written, or read when the file exists")
        Path splitFile;

        @Option(names = "--plot", paramLabel = "FILE.png", description = "draw ROC AUC against reviews")
        Path plotFile;

        @Option(
                names = "--titles",
                paramLabel = "label|first-line",
                defaultValue = "label",
                description =
                        "each job's title: its file's label (ACCOUNTANT), or the file's first line, the rest being"
                                + " the description, as a recruiter would enter a posting; default: ${DEFAULT-VALUE}")
        String titles;

        @Override
        public Integer call() throws Exception {
            if (budgets.stream().anyMatch(budget -> budget < 0)) {
                throw new IllegalArgumentException("--reviews: each budget is a number of reviews, 0 or more; got "
                        + budgets.stream()
                                .map(String::valueOf)
                                .reduce((a, b) -> a + "," + b)
                                .orElse(""));
            }
            if (!titles.equals("label") && !titles.equals("first-line")) {
                throw new IllegalArgumentException("--titles: label or first-line; got " + titles);
            }
            LocalMain.requireDirectory("--jobs", jobsDir);
            LocalMain.requireDirectory("--resumes", resumesDir);
            if (splitFile != null && !Files.exists(splitFile)) {
                requireFolderToWrite("--split", splitFile);
            }
            if (plotFile != null) {
                requireFolderToWrite("--plot", plotFile);
            }
            Map<String, Posting> postings = jobs(jobsDir, titles.equals("first-line"));
            Map<String, List<Path>> resumes = resumesByLabel(resumesDir);
            requireLabelsThatPair(postings.keySet(), resumes);
            List<Integer> sortedBudgets = budgets.stream().sorted().toList();
            String samplingName = sampling.name().toLowerCase(Locale.ROOT);
            PrintStream report = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            Path dataDir = Files.createTempDirectory("resume-screening-evaluate");
            try (LocalEnvironment environment = LocalEnvironment.start(dataDir, null);
                    LocalHttpServer server = LocalHttpServer.start(environment, 0)) {
                EvaluateCommand evaluation =
                        new EvaluateCommand(environment, new LocalApi(server.port()), seed, sampling == Sampling.QUEUE);
                List<Pair> pairs =
                        evaluation.screenAll(postings, resumes, Split.read(splitFile), resumesDir, splitFile);
                List<Map<String, Object>> lines =
                        evaluation.reviewTrainAndReport(pairs, sortedBudgets, samplingName, seed, report);
                if (plotFile != null) {
                    LearningCurvePlot.write(lines, plotFile);
                }
            }
            return 0;
        }
    }

    /** Refuses before the run, not after it, a file that could not be written for want of its folder. */
    private static void requireFolderToWrite(String option, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new IllegalArgumentException(option + ": no folder to write " + file + " in: " + folder);
        }
    }

    /**
     * A job's label is matched to a folder of resumes exactly. A folder without a job (resumes that match none, as
     * distractors) or a job without a folder (no resume matches it) can be meant, and is said; a job and a folder
     * whose labels differ only in case (accountant.txt, ACCOUNTANT/) are a typing slip that would measure nothing
     * of that job, and are refused.
     */
    private static void requireLabelsThatPair(Set<String> jobLabels, Map<String, List<Path>> resumes) {
        for (String job : jobLabels) {
            if (resumes.containsKey(job)) {
                continue;
            }
            Optional<String> sameButCase = resumes.keySet().stream()
                    .filter(folder -> folder.equalsIgnoreCase(job))
                    .findFirst();
            if (sameButCase.isPresent()) {
                throw new IllegalArgumentException("--jobs " + job + ".txt and --resumes " + sameButCase.get()
                        + "/ differ only in case; a job's label must be its folder's name exactly");
            }
            System.err.printf(
                    Locale.ROOT, "note: job %s has no %s/ folder under --resumes: no resume matches it%n", job, job);
        }
        resumes.forEach((folder, files) -> {
            if (!jobLabels.contains(folder)) {
                System.err.printf(
                        Locale.ROOT,
                        "note: %s/ has no %s.txt job: its %d resumes match no job%n",
                        folder,
                        folder,
                        files.size());
            }
        });
    }

    /**
     * A split read from a file must name resumes that are there, and leave both matches and non-matches to rank:
     * otherwise every held-out figure would be a ranking of nothing.
     */
    private static void requireMeasurableSplit(Split split, List<Resume> drawn, Set<String> jobLabels) {
        if (!split.drawn()) {
            Set<String> present = new HashSet<>();
            drawn.forEach(resume -> present.add(resume.relative()));
            List<String> absent = split.heldOut.stream()
                    .filter(file -> !present.contains(file))
                    .sorted()
                    .toList();
            if (!absent.isEmpty()) {
                throw new IllegalArgumentException("--split: " + absent.size() + " of its " + split.heldOut.size()
                        + " held-out files are not under --resumes (first: " + absent.get(0) + ")");
            }
        }
        List<String> heldOutLabels =
                drawn.stream().filter(Resume::heldOut).map(Resume::label).toList();
        boolean anyMatch = heldOutLabels.stream().anyMatch(jobLabels::contains);
        boolean anyNonMatch =
                heldOutLabels.stream().anyMatch(label -> jobLabels.stream().anyMatch(job -> !job.equals(label)));
        if (!anyMatch || !anyNonMatch) {
            throw new IllegalArgumentException("the held-out resumes (" + heldOutLabels.size() + ") leave no "
                    + (anyMatch ? "non-match" : "match") + " with a job to rank");
        }
    }

    private List<Pair> screenAll(
            Map<String, Posting> jobDescriptions,
            Map<String, List<Path>> resumes,
            Split split,
            Path resumesDir,
            Path splitFile)
            throws Exception {
        Map<String, String> jobIds = new TreeMap<>();
        for (Map.Entry<String, Posting> job : jobDescriptions.entrySet()) {
            String jobId = api.createJob(job.getValue().title(), job.getValue().description());
            jobIds.put(job.getKey(), jobId);
            jobLabels.put(jobId, job.getKey());
            textbookJobVectors.put(
                    jobId,
                    LexicalEmbedder.vectorOf(
                            job.getValue().title() + "\n" + job.getValue().description()));
        }
        // the split is drawn label by label; the uploads come in a shuffled order of all labels, as applicants do
        List<Resume> drawn = new ArrayList<>();
        List<String> heldOutFiles = new ArrayList<>();
        for (Map.Entry<String, List<Path>> label : resumes.entrySet()) {
            List<Path> files = new ArrayList<>(label.getValue());
            Collections.shuffle(files, random);
            int heldOutCount = (int) Math.round(files.size() * TEST_FRACTION);
            for (int i = 0; i < files.size(); i++) {
                String relative = resumesDir.relativize(files.get(i)).toString();
                boolean heldOut = split.drawn() ? i < heldOutCount : split.heldOut.contains(relative);
                if (heldOut) {
                    heldOutFiles.add(relative);
                }
                drawn.add(new Resume(label.getKey(), files.get(i), relative, heldOut));
            }
        }
        requireMeasurableSplit(split, drawn, jobDescriptions.keySet());
        List<Resume> arrivals = new ArrayList<>(drawn);
        Collections.shuffle(arrivals, new Random(~seed));
        Map<Resume, List<Pair>> screened = new HashMap<>();
        int done = 0;
        int unscored = 0;
        String firstUnscored = null;
        for (Resume resume : arrivals) {
            if (++done % 50 == 0) {
                System.err.printf(Locale.ROOT, "screened %d of %d resumes%n", done, arrivals.size());
            }
            List<Pair> ofResume = new ArrayList<>();
            for (Map.Entry<String, String> job : jobIds.entrySet()) {
                HttpResponse<String> response = api.upload(job.getValue(), resume.file());
                JsonNode result = Json.read(response.body());
                if (response.statusCode() == 201 && !result.get("score").isNull()) {
                    ofResume.add(new Pair(
                            result.get("screening_result_id").asText(),
                            job.getValue(),
                            job.getKey().equals(resume.label()),
                            resume.heldOut()));
                } else if (unscored++ == 0) {
                    firstUnscored = resume.relative() + ": "
                            + (response.statusCode() == 201
                                    ? "no text to score"
                                    : result.path("error").path("code").asText(String.valueOf(response.statusCode())));
                }
            }
            screened.put(resume, ofResume);
        }
        List<Pair> pairs = new ArrayList<>();
        drawn.forEach(resume -> pairs.addAll(screened.get(resume)));
        int total = drawn.size();
        if (unscored > 0) {
            System.err.printf(
                    Locale.ROOT,
                    "%d of %d screenings had no score and are left out (first: %s)%n",
                    unscored,
                    total * jobIds.size(),
                    firstUnscored);
        }
        if (split.drawn() && splitFile != null) {
            Files.write(splitFile, heldOutFiles.stream().sorted().toList());
        }
        setAside(pairs);
        return pairs;
    }

    /**
     * The held-out resumes stand for resumes that arrive after training: their vectors are kept here and their results
     * erased, so that neither the review queue nor training (whose job feedback draws on unreviewed resumes) sees them.
     */
    private void setAside(List<Pair> pairs) {
        for (Pair pair : pairs) {
            if (pair.heldOut()) {
                Map<String, AttributeValue> item = resultItem(pair.resultId());
                resumeEmbeddings.put(pair.resultId(), resumeEmbedding(item));
                textbookResumeVectors.put(pair.resultId(), LexicalEmbedder.vectorOf(storedText(item)));
                environment.app().erasure().erase(pair.resultId());
            }
        }
        // every upload is in: training and scoring from here on see each job's applicants as they now are
        environment.app().jobs().forgetCached();
        environment.app().similarApplicants().forgetCached();
    }

    private List<Map<String, Object>> reviewTrainAndReport(
            List<Pair> pairs, List<Integer> budgets, String sampling, long seed, PrintStream report) throws Exception {
        Map<String, Pair> trainPool = new LinkedHashMap<>();
        pairs.stream().filter(p -> !p.heldOut()).forEach(p -> trainPool.put(p.resultId(), p));
        List<Pair> randomOrder = new ArrayList<>(trainPool.values());
        Collections.shuffle(randomOrder, random);
        List<Pair> test = pairs.stream().filter(Pair::heldOut).toList();
        // the textbook cosine: of the whole posting's own vector, not scaled by the job's applicants
        Map<String, Object> lexical = metrics(
                test,
                "lexical-cosine",
                (pair, resume, job) ->
                        textbookResumeVectors.get(pair.resultId()).dot(textbookJobVectors.get(pair.jobId())));
        Map<String, Object> ceiling = supervisedCeiling(new ArrayList<>(trainPool.values()), test);
        List<Map<String, Object>> lines = new ArrayList<>();
        int reviewed = 0;
        for (int budget : budgets) {
            while (reviewed < budget && !trainPool.isEmpty()) {
                Pair next = queueSampling ? fromQueue(trainPool).orElse(randomOrder.get(0)) : randomOrder.get(0);
                trainPool.remove(next.resultId());
                randomOrder.remove(next);
                api.review(next.resultId(), next.match() ? "shortlist" : "reject");
                reviewed++;
            }
            Map<String, Object> run = environment
                    .scheduledTraining()
                    .handle(new TrainingRequest(false, true, Math.min(budget, 10), null, TrainingRequest.DIRECT));
            String active = environment.app().modelRegistry().pointer().championVersion();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("reviews", reviewed);
            line.put("sampling", sampling);
            line.put("seed", seed);
            line.put("test_pairs", test.size());
            line.put("test_matches", test.stream().filter(Pair::match).count());
            line.put(
                    "training",
                    Map.of(
                            "state",
                            String.valueOf(run.get("state")),
                            "reason",
                            String.valueOf(run.getOrDefault("reason", "")),
                            "activated",
                            String.valueOf(run.getOrDefault("activated", false))));
            line.put("active_version", active);
            line.put("baseline", metrics(test, similarity()));
            line.put(
                    "active_model",
                    metrics(test, environment.app().modelRegistry().scoringModel(active)));
            Object candidate = run.get("candidate_version");
            line.put(
                    "candidate_model",
                    candidate == null
                            ? null
                            : metrics(test, environment.app().modelRegistry().scoringModel(candidate.toString())));
            line.put("reference_lexical_cosine", lexical);
            line.put("reference_fully_supervised", ceiling);
            report.println(Json.write(line));
            System.err.printf(
                    Locale.ROOT,
                    "%d reviews: live model %s, held-out ROC AUC %s (baseline %s)%n",
                    reviewed,
                    active,
                    ((Map<?, ?>) line.get("active_model")).get("auc"),
                    ((Map<?, ?>) line.get("baseline")).get("auc"));
            lines.add(line);
        }
        return lines;
    }

    /** The trainer given every pool pair's true label: how far reviews could take the model on this split. */
    private Map<String, Object> supervisedCeiling(List<Pair> pool, List<Pair> test) {
        List<TrainingSample> samples = new ArrayList<>();
        for (Pair pair : pool) {
            samples.add(new TrainingSample(
                    pair.resultId(),
                    pair.jobId(),
                    resumeEmbedding(pair.resultId()),
                    jobEmbedding(pair.jobId()),
                    pair.match() ? 1 : 0));
        }
        SimilarityModel baseline = similarity();
        Hyperparameters hyperparameters =
                Hyperparameters.defaults().withBaseline(baseline.center(), baseline.steepness());
        MlpClassifier classifier = new MlpClassifier(
                new MlpTrainer().train(samples, hyperparameters).weights());
        return metrics(test, new TrainedScoringModel("fully-supervised", classifier));
    }

    private Optional<Pair> fromQueue(Map<String, Pair> trainPool) throws Exception {
        JsonNode queue = Json.read(
                api.get("/api/v1/feedback/review-queue?limit=" + QUEUE_PAGE).body());
        for (JsonNode entry : queue.get("results")) {
            Pair pair = trainPool.get(entry.get("screening_result_id").asText());
            if (pair != null) {
                return Optional.of(pair);
            }
        }
        return Optional.empty();
    }

    private SimilarityModel similarity() {
        return SimilarityModel.forEmbedder(environment.app().embedder().name());
    }

    /** A model's figures as it is served: each held-out resume's score blended with its most similar applicants'. */
    private Map<String, Object> metrics(List<Pair> test, ScoringModel model) {
        SimilarApplicants similar = environment.app().similarApplicants();
        return metrics(
                test,
                model.version(),
                (pair, resume, job) ->
                        similar.score(model, pair.jobId(), resume, job).probability());
    }

    /** A scorer of a pair, given its resume's and job's vectors; the models and the references all are. */
    private interface Scorer {
        double score(Pair pair, TermVector resume, TermVector job);
    }

    private TermVector resumeEmbedding(String resultId) {
        return resumeEmbeddings.computeIfAbsent(resultId, id -> resumeEmbedding(resultItem(id)));
    }

    private static TermVector resumeEmbedding(Map<String, AttributeValue> item) {
        return TermVector.fromBytes(item.get("resume_embedding").b().asByteArray());
    }

    /** The text the model read (redacted), as the upload stored it. */
    private String storedText(Map<String, AttributeValue> item) {
        String key = item.get("text_key").s();
        byte[] text = environment.app().documents().get(key).orElseThrow();
        return new String(text, StandardCharsets.UTF_8);
    }

    private Map<String, AttributeValue> resultItem(String resultId) {
        String table = environment.settings().tableName("screening_results");
        return environment
                .app()
                .dynamoDb()
                .getItem(b -> b.tableName(table).key(Map.of("result_id", AttributeValue.fromS(resultId))))
                .item();
    }

    /** The job's vector as the upload function scores with it now (scaled by its applicants' similarity). */
    private TermVector jobEmbedding(String jobId) {
        JobService jobs = environment.app().jobs();
        return jobs.scoringVector(jobs.find(jobId));
    }

    private Map<String, Object> metrics(List<Pair> test, String version, Scorer model) {
        double[] probabilities = new double[test.size()];
        int[] labels = new int[test.size()];
        for (int i = 0; i < test.size(); i++) {
            Pair pair = test.get(i);
            probabilities[i] = model.score(pair, resumeEmbedding(pair.resultId()), jobEmbedding(pair.jobId()));
            labels[i] = pair.match() ? 1 : 0;
        }
        ClassificationMetrics metrics = ClassificationMetrics.compute(probabilities, labels);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", version);
        view.put("auc", round(metrics.rocAuc()));
        view.put("accuracy", round(metrics.accuracy()));
        view.put("f1", round(metrics.f1()));
        view.put("auc_by_job", aucByJob(test, probabilities, labels));
        return view;
    }

    /** Each job's ranking of the held-out resumes on its own: where the pooled figure is won or lost. */
    private Map<String, Object> aucByJob(List<Pair> test, double[] probabilities, int[] labels) {
        Map<String, Object> byJob = new TreeMap<>();
        for (Map.Entry<String, String> job : jobLabels.entrySet()) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                if (test.get(i).jobId().equals(job.getKey())) {
                    rows.add(i);
                }
            }
            double[] jobProbabilities =
                    rows.stream().mapToDouble(i -> probabilities[i]).toArray();
            int[] jobRowLabels = rows.stream().mapToInt(i -> labels[i]).toArray();
            double auc = ClassificationMetrics.rocAuc(jobProbabilities, jobRowLabels);
            byJob.put(job.getValue(), Double.isNaN(auc) ? null : round(auc));
        }
        return byJob;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** A job as created: its title and description. */
    record Posting(String title, String description) {
        /**
         * The file's first line with text as the title (at most as long as a title may be), the rest as the
         * description; a file of one line is its own description too.
         */
        static Posting fromFirstLine(String text) {
            String stripped = text.strip();
            int end = stripped.indexOf('\n');
            String firstLine = (end < 0 ? stripped : stripped.substring(0, end)).strip();
            String rest = end < 0 ? "" : stripped.substring(end + 1).strip();
            String title = firstLine.substring(0, Math.min(firstLine.length(), JobService.MAX_TITLE_CHARS));
            return new Posting(title, rest.isEmpty() ? firstLine : rest);
        }
    }

    private static Map<String, Posting> jobs(Path dir, boolean titlesFromFirstLine) throws IOException {
        Map<String, Posting> jobs = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                String label = file.getFileName().toString().replaceFirst("\\.txt$", "");
                String text = jobText(file);
                jobs.put(label, titlesFromFirstLine ? Posting.fromFirstLine(text) : new Posting(label, text));
            }
        }
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("no <LABEL>.txt job descriptions in " + dir);
        }
        return jobs;
    }

    /**
     * A job file's text: UTF-8, as uploads of text are, without the byte-order mark some editors write first (it
     * would otherwise open a first-line title).
     */
    static String jobText(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("--jobs: " + file.getFileName() + " is not UTF-8 text");
        }
        return text.startsWith(BYTE_ORDER_MARK) ? text.substring(BYTE_ORDER_MARK.length()) : text;
    }

    private static Map<String, List<Path>> resumesByLabel(Path dir) throws IOException {
        Map<String, List<Path>> resumes = new TreeMap<>();
        try (Stream<Path> labels = Files.list(dir)) {
            for (Path label : labels.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(label)) {
                    resumes.put(
                            label.getFileName().toString(),
                            files.filter(p -> {
                                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                                        return name.endsWith(".pdf") || name.endsWith(".txt");
                                    })
                                    .sorted()
                                    .toList());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (resumes.isEmpty()) {
            throw new IllegalArgumentException("no <LABEL>/ folders of resumes in " + dir);
        }
        return resumes;
    }
}
