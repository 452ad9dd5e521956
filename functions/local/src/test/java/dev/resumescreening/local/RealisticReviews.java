package dev.resumescreening.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Realistic screening data for learning tests, generated rather than shipped: three jobs whose descriptions name a
 * few of their field's skills, and resumes of those fields written with the wider vocabulary people in the field
 * use, some of them mentioning another field's words in passing. Uploaded and reviewed through the real API. The day-
 * one similarity ranks them fairly but not perfectly (the descriptions miss most of the words that matching resumes
 * use); what reviewers shortlist for a job teaches that job's vocabulary.
 */
final class RealisticReviews {
    /** Title, description, and the field's wider vocabulary. */
    private static final String[][] FIELDS = {
        {
            "Backend Java Engineer",
            "Backend engineer for our payments platform: Java and Spring, SQL databases.",
            "Java Spring Boot Hibernate Kafka microservices REST APIs PostgreSQL Docker Kubernetes Gradle Maven JUnit"
                    + " Kotlin AWS Lambda DynamoDB CI pipelines code review distributed systems"
        },
        {
            "Staff Accountant",
            "Staff accountant: month-end close and reconciliations for a growing company.",
            "general ledger journal entries accounts payable receivable GAAP audit tax filings Excel QuickBooks SAP"
                    + " NetSuite budgeting forecasting accruals variance analysis fixed assets CPA payroll"
        },
        {
            "Registered Nurse",
            "Registered nurse for our medical-surgical unit, patient care on day shifts.",
            "patient assessment medication administration care plans IV therapy telemetry BLS ACLS charting EMR"
                    + " Epic wound care triage discharge education infection control vital signs nursing"
        },
    };

    private static final String[] FILLER = {
        "team player",
        "worked closely with stakeholders",
        "improved processes",
        "trained new colleagues",
        "volunteer at the local library",
        "fluent in Spanish",
        "reliable and organised",
        "bachelor's degree",
        "five years of experience",
        "led weekly meetings"
    };

    private RealisticReviews() {}

    /** One uploaded resume: its result and whether it is of the job's field. */
    record Uploaded(JsonNode result, boolean match) {}

    static List<String> createJobs(TestStack stack) throws Exception {
        List<String> jobs = new ArrayList<>();
        for (String[] field : FIELDS) {
            jobs.add(stack.createJob(field[0], field[1]));
        }
        return jobs;
    }

    /** {@code perJob} resumes of random fields uploaded to each job. */
    private static final java.util.concurrent.atomic.AtomicLong APPLICATIONS =
            new java.util.concurrent.atomic.AtomicLong();

    static List<Uploaded> upload(TestStack stack, List<String> jobs, int perJob, long seed) throws Exception {
        Random random = new Random(seed);
        List<Uploaded> uploaded = new ArrayList<>();
        for (int i = 0; i < perJob; i++) {
            for (int j = 0; j < jobs.size(); j++) {
                // a third of each job's resumes are of its own field
                int field = random.nextInt(3) == 0 ? j : (j + 1 + random.nextInt(FIELDS.length - 1)) % FIELDS.length;
                // each upload is a new application (a reference of its own): the same file twice for a job is one
                // result, and the held-out resumes are uploaded again to be screened by the trained model
                String text = resume(field, random) + "\nReference " + APPLICATIONS.incrementAndGet();
                HttpResponse<String> response = stack.postJson(
                        "/api/v1/screening/upload-resume",
                        Map.of(
                                "job_id",
                                jobs.get(j),
                                "file_name",
                                "cv.txt",
                                "content_base64",
                                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(response.body());
                }
                uploaded.add(new Uploaded(Json.read(response.body()), field == j));
            }
        }
        return uploaded;
    }

    /** Reviews each result: the truth, or with {@code noise} the probability of a reviewer's decision at random. */
    static void review(TestStack stack, List<Uploaded> uploaded, double noise, long seed) throws Exception {
        Random random = new Random(seed);
        for (Uploaded resume : uploaded) {
            boolean shortlist = random.nextDouble() < noise ? random.nextBoolean() : resume.match();
            HttpResponse<String> response = stack.postJson(
                    "/api/v1/feedback/submit",
                    Map.of(
                            "screening_result_id",
                            resume.result().get("screening_result_id").asText(),
                            "human_decision",
                            shortlist ? "shortlist" : "reject"));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.body());
            }
        }
    }

    /**
     * The same fields as files, laid out as {@code evaluate} reads them: {@code jobs/<LABEL>.txt} (title, then the
     * description) and {@code resumes/<LABEL>/NN.txt}, {@code perField} resumes each; returns the labels.
     */
    static List<String> writeCorpus(Path jobs, Path resumes, int perField, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> labels = new ArrayList<>();
        Files.createDirectories(jobs);
        for (int field = 0; field < FIELDS.length; field++) {
            String label = FIELDS[field][0].toUpperCase(Locale.ROOT).replace(' ', '-');
            labels.add(label);
            Files.writeString(jobs.resolve(label + ".txt"), FIELDS[field][1]);
            Path folder = Files.createDirectories(resumes.resolve(label));
            for (int k = 0; k < perField; k++) {
                Files.writeString(
                        folder.resolve(String.format(Locale.ROOT, "%02d.txt", k)),
                        resume(field, random) + "\nReference " + APPLICATIONS.incrementAndGet());
            }
        }
        return labels;
    }

    private static String resume(int field, Random random) {
        String[] vocabulary = FIELDS[field][2].split(" ");
        StringBuilder text = new StringBuilder("EXPERIENCE\n");
        for (int k = 0; k < 12; k++) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
            if (k % 3 == 2) {
                text.append(FILLER[random.nextInt(FILLER.length)]).append(". ");
            }
        }
        if (random.nextInt(3) == 0) {
            // a word or two of another field: a course taken, a side project
            String[] other = FIELDS[(field + 1 + random.nextInt(FIELDS.length - 1)) % FIELDS.length][1].split(" ");
            text.append("\nCOURSES\n")
                    .append(other[random.nextInt(other.length)])
                    .append(' ')
                    .append(other[random.nextInt(other.length)]);
        }
        return text.toString();
    }
}
