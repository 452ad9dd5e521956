package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} run as the README runs it, on a small generated corpus: every figure per budget, split and plot. */
class EvaluateCommandTest {
    private static final List<String> MODELS_AND_REFERENCES =
            List.of("baseline", "active_model", "reference_lexical_cosine", "reference_fully_supervised");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void reportsEveryModelAndReferencePerBudgetAndJobWritesTheSplitAndThePlotAndReadsTheSplitBack(@TempDir Path dir)
            throws Exception {
        Path jobs = dir.resolve("jobs");
        Path resumes = dir.resolve("resumes");
        List<String> labels = RealisticReviews.writeCorpus(jobs, resumes, 10, 5);
        Path split = dir.resolve("split.txt");
        Path plot = dir.resolve("curve.png");

        List<JsonNode> drawn = evaluate(jobs, resumes, 3, split, plot);

        assertEquals(
                List.of(20, 40),
                drawn.stream().map(l -> l.get("reviews").asInt()).toList(),
                "budgets in order");
        List<String> heldOut = Files.readAllLines(split);
        assertEquals(9, heldOut.size(), "30% of each label's 10 resumes: " + heldOut);
        for (String label : labels) {
            assertEquals(
                    3, heldOut.stream().filter(f -> f.startsWith(label + "/")).count(), heldOut.toString());
        }
        for (JsonNode line : drawn) {
            assertEquals(27, line.get("test_pairs").asInt(), line.toString());
            assertEquals(9, line.get("test_matches").asInt(), line.toString());
            for (String model : MODELS_AND_REFERENCES) {
                JsonNode figures = line.get(model);
                double auc = figures.get("auc").asDouble();
                assertTrue(auc > 0.5 && auc <= 1.0, model + " " + figures);
                Set<String> jobsReported = new TreeSet<>();
                figures.get("auc_by_job").fieldNames().forEachRemaining(jobsReported::add);
                assertEquals(new TreeSet<>(labels), jobsReported, model + " " + figures);
                figures.get("auc_by_job")
                        .forEach(jobAuc ->
                                assertTrue(jobAuc.asDouble() >= 0 && jobAuc.asDouble() <= 1.0, model + " " + figures));
            }
            assertTrue(line.get("training").get("state").asText().matches("[A-Z_]+"), line.toString());
        }
        byte[] png = Files.readAllBytes(plot);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length), "a PNG file");

        // another seed would draw another split: the file decides which resumes are held out
        List<JsonNode> reread = evaluate(jobs, resumes, 4, split, null);
        assertEquals(heldOut, Files.readAllLines(split), "the split file is read, not rewritten");
        for (int i = 0; i < drawn.size(); i++) {
            assertEquals(drawn.get(i).get("baseline"), reread.get(i).get("baseline"), "same held-out resumes");
            assertEquals(
                    drawn.get(i).get("reference_lexical_cosine"),
                    reread.get(i).get("reference_lexical_cosine"),
                    "same held-out resumes");
        }
    }

    @Test
    void refusesWhatItCannotMeasureWithTheReason(@TempDir Path dir) throws Exception {
        Path jobs = dir.resolve("jobs");
        Path resumes = dir.resolve("resumes");
        List<String> labels = RealisticReviews.writeCorpus(jobs, resumes, 4, 5);
        String[] corpus = {"--jobs", jobs.toString(), "--resumes", resumes.toString()};

        assertRefused("--reviews: each budget is a number of reviews, 0 or more", corpus, "--reviews", "20,-5");
        assertRefused("--titles: label or first-line; got filename", corpus, "--titles", "filename");
        assertRefused(
                "--jobs: no such directory",
                new String[] {"--jobs", dir.resolve("no-jobs").toString(), "--resumes", resumes.toString()});
        assertRefused(
                "--plot: no folder to write",
                corpus,
                "--plot",
                dir.resolve("no/curve.png").toString());
        assertRefused(
                "--split: no folder to write",
                corpus,
                "--split",
                dir.resolve("no/split.txt").toString());

        Path strangers = dir.resolve("strangers.txt");
        Files.writeString(strangers, "ELSEWHERE/someone.pdf\n");
        assertRefused(
                "--split: 1 of its 1 held-out files are not under --resumes (first: ELSEWHERE/someone.pdf)",
                corpus,
                "--split",
                strangers.toString());
        Path empty = dir.resolve("empty-split.txt");
        Files.writeString(empty, "\n");
        assertRefused(
                "the held-out resumes (0) leave no match with a job to rank", corpus, "--split", empty.toString());

        // the title is the file's name: "X" and "the and of" leave nothing to match resumes on
        Files.writeString(jobs.resolve("X.txt"), "the and of");
        assertRefused("error: job X: the title and description have no words", corpus, "--reviews", "10");

        Files.write(jobs.resolve("X.txt"), "Ing\u00e9nieur \u00e9lectrique".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused("--jobs: X.txt is not UTF-8 text", corpus, "--reviews", "10");
        Files.delete(jobs.resolve("X.txt"));

        String lowered = labels.get(0).toLowerCase(Locale.ROOT);
        Files.move(jobs.resolve(labels.get(0) + ".txt"), jobs.resolve(lowered + ".txt"));
        assertRefused(
                "--jobs " + lowered + ".txt and --resumes " + labels.get(0) + "/ differ only in case",
                corpus,
                "--reviews",
                "10");
    }

    /** Runs evaluate on {@code corpus} with {@code options}: exit code 2, nothing reported, {@code reason} said. */
    private static void assertRefused(String reason, String[] corpus, String... options) throws Exception {
        List<String> args = new ArrayList<>(Arrays.asList(corpus));
        args.addAll(Arrays.asList(options));
        Run run = run(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(reason), run.err());
        assertTrue(run.lines().isEmpty());
    }

    @Test
    void takesEachJobsTitleFromItsFileOnRequest(@TempDir Path dir) throws Exception {
        EvaluateCommand.Posting posting = EvaluateCommand.Posting.fromFirstLine(
                "\n\n  Senior Accountant (hybrid)  \r\nLedgers, audits\nand closes\n");
        assertEquals(new EvaluateCommand.Posting("Senior Accountant (hybrid)", "Ledgers, audits\nand closes"), posting);
        assertEquals(
                new EvaluateCommand.Posting("Payroll clerk", "Payroll clerk"),
                EvaluateCommand.Posting.fromFirstLine("Payroll clerk\n"));
        assertEquals(
                200,
                EvaluateCommand.Posting.fromFirstLine("a".repeat(300) + "\nrest")
                        .title()
                        .length());

        Path withMark = dir.resolve("with-mark.txt");
        Files.writeString(withMark, "\uFEFFPayroll clerk\r\nRuns payroll");
        assertEquals(
                new EvaluateCommand.Posting("Payroll clerk", "Runs payroll"),
                EvaluateCommand.Posting.fromFirstLine(EvaluateCommand.jobText(withMark)));

        Path jobs = dir.resolve("jobs");
        Path resumes = dir.resolve("resumes");
        RealisticReviews.writeCorpus(jobs, resumes, 4, 5);
        // by its label this job is "X", with words to match; by its first line it is titled "the and of", and its
        // description has no words either: refused, naming the title it was given
        Files.writeString(jobs.resolve("X.txt"), "the and of\nthe");
        Run run = run("--jobs", jobs.toString(), "--resumes", resumes.toString(), "--titles", "first-line");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("error: job the and of: the title and description have no words"), run.err());

        Files.writeString(jobs.resolve("X.txt"), "Payroll clerk\nthe");
        Run titled = run(
                "--jobs",
                jobs.toString(),
                "--resumes",
                resumes.toString(),
                "--reviews",
                "10",
                "--titles",
                "first-line");
        assertEquals(0, titled.exitCode(), titled.err());
        assertEquals(1, titled.lines().size());
    }

    @Test
    void leavesOutResumesWithNothingToScoreAndSaysSo(@TempDir Path dir) throws Exception {
        Path jobs = dir.resolve("jobs");
        Path resumes = dir.resolve("resumes");
        List<String> labels = RealisticReviews.writeCorpus(jobs, resumes, 4, 5);
        Files.writeString(resumes.resolve(labels.get(0)).resolve("symbols.txt"), "!!! --- ... ,,, ???");

        Run run = run("--jobs", jobs.toString(), "--resumes", resumes.toString(), "--reviews", "10");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.err()
                        .contains("3 of 39 screenings had no score and are left out (first: " + labels.get(0)
                                + "/symbols.txt: no text to score)"),
                run.err());
        assertEquals(1, run.lines().size());
    }

    @Test
    void saysWhichJobHasNoFolderAndWhichFolderNoJob(@TempDir Path dir) throws Exception {
        Path jobs = dir.resolve("jobs");
        Path resumes = dir.resolve("resumes");
        List<String> labels = RealisticReviews.writeCorpus(jobs, resumes, 4, 5);
        Files.move(resumes.resolve(labels.get(2)), resumes.resolve("DISTRACTORS"));

        Run run = run("--jobs", jobs.toString(), "--resumes", resumes.toString(), "--reviews", "10");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.err()
                        .contains("note: job " + labels.get(2) + " has no " + labels.get(2)
                                + "/ folder under --resumes: no resume matches it"),
                run.err());
        assertTrue(
                run.err().contains("note: DISTRACTORS/ has no DISTRACTORS.txt job: its 4 resumes match no job"),
                run.err());
        assertEquals(1, run.lines().size());
    }

    /** What a run printed: the JSON lines of the standard output, and the standard error. */
    private record Run(int exitCode, List<JsonNode> lines, String err) {}

    /** Runs {@code evaluate} with these options as the jar does. */
    private static Run run(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("evaluate"));
        args.addAll(List.of(options));
        PrintStream standardOut = System.out;
        PrintStream standardErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = LocalMain.commandLine().execute(args.toArray(String[]::new));
        } finally {
            System.setOut(standardOut);
            System.setErr(standardErr);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.read(line));
            }
        }
        return new Run(exitCode, lines, err.toString(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> evaluate(Path jobs, Path resumes, long seed, Path split, Path plot) throws Exception {
        List<String> options = new ArrayList<>(List.of(
                "--jobs",
                jobs.toString(),
                "--resumes",
                resumes.toString(),
                "--reviews",
                "40,20",
                "--seed",
                String.valueOf(seed),
                "--split",
                split.toString()));
        if (plot != null) {
            options.addAll(List.of("--plot", plot.toString()));
        }
        Run run = run(options.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run.lines();
    }
}
