package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import dev.resumescreening.testing.DocxFixtures;
import dev.resumescreening.testing.PdfFixtures;
import dev.resumescreening.text.DocumentTextExtractor;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs, upload and results through the local HTTP server, the real handlers and real storage. */
class ScreeningIntegrationTest {
    private static final int SMALL_LIMIT = 4_000_000;
    private static TestStack stack;
    private static String jobId;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(Map.of("MAX_UPLOAD_BYTES", String.valueOf(SMALL_LIMIT), "MAX_PDF_PAGES", "30"));
        jobId = stack.createJob(
                "Backend Java Engineer",
                Files.readString(TestStack.samples().resolve("jobs/backend-java-engineer.txt")));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.read(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = json(response).get("error");
        assertNotNull(error, response.body());
        assertEquals(code, error.get("code").asText(), response.body());
        assertFalse(error.get("message").asText().isBlank());
    }

    @Test
    void createsAndReadsAJob() throws Exception {
        HttpResponse<String> created = stack.postJson(
                "/api/v1/jobs",
                Map.of(
                        "title",
                        "Staff Accountant",
                        "description",
                        "General ledger and reconciliations",
                        "threshold",
                        65));
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created).get("job_id").asText();
        JsonNode job = json(stack.get("/api/v1/jobs/" + id));
        assertEquals("Staff Accountant", job.get("title").asText());
        assertEquals(65.0, job.get("threshold").asDouble());
        assertEquals(
                50.0, json(stack.get("/api/v1/jobs/" + jobId)).get("threshold").asDouble());
        JsonNode parts = job.get("description_parts");
        assertEquals(1, parts.size(), parts.toString());
        assertEquals(
                "General ledger and reconciliations\n", parts.get(0).get("text").asText());
        assertTrue(parts.get(0).get("matched").asBoolean(), parts.toString());
    }

    @Test
    void aJobSaysWhichPartsOfItsDescriptionResumesAreMatchedAgainst() throws Exception {
        String description = "About us\nWe roast coffee.\n\nDuties\n- Reconcile the ledger\n\nBenefits: pension\n";
        HttpResponse<String> created =
                stack.postJson("/api/v1/jobs", Map.of("title", "Ledger accountant", "description", description));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode parts = json(stack.get(
                        "/api/v1/jobs/" + json(created).get("job_id").asText()))
                .get("description_parts");
        StringBuilder joined = new StringBuilder();
        List<Boolean> matched = new ArrayList<>();
        parts.forEach(part -> {
            joined.append(part.get("text").asText());
            matched.add(part.get("matched").asBoolean());
        });
        assertEquals(description, joined.toString());
        assertEquals(List.of(false, true, false), matched);
        assertTrue(parts.get(1).get("text").asText().contains("Reconcile the ledger"), parts.toString());
    }

    @Test
    void theJobsListCountsEachJobsResultsAndAnAdminChangesTheThreshold() throws Exception {
        String job = stack.createJob(
                "Counted job", Files.readString(TestStack.samples().resolve("jobs/backend-java-engineer.txt")));
        stack.uploadFile(
                job, "java.txt", Files.readAllBytes(TestStack.samples().resolve("resumes/priya-nair-java.txt")));
        String barista = json(stack.uploadFile(
                        job,
                        "barista.txt",
                        Files.readAllBytes(TestStack.samples().resolve("resumes/sam-taylor-barista.txt"))))
                .get("screening_result_id")
                .asText();
        assertEquals(
                200,
                stack.postJson(
                                "/api/v1/feedback/submit",
                                Map.of("screening_result_id", barista, "human_decision", "shortlist"))
                        .statusCode());
        assertEquals(
                Map.of("screened", 2, "shortlisted_by_ai", 1, "reviewed", 1, "shortlisted_by_people", 1), counts(job));

        HttpResponse<String> changed = patch("/api/v1/jobs/" + job, Map.of("threshold", 0));
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(0.0, json(changed).get("threshold").asDouble());
        assertEquals(
                0.0, json(stack.get("/api/v1/jobs/" + job)).get("threshold").asDouble());
        JsonNode after = json(stack.uploadFile(
                job,
                "barista-again.txt",
                ("Reference 2\n" + Files.readString(TestStack.samples().resolve("resumes/sam-taylor-barista.txt")))
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("SHORTLIST", after.get("decision").asText(), "new uploads are decided with the new threshold");
        assertEquals(
                "REJECT",
                json(stack.get("/api/v1/screening/result/" + barista))
                        .get("decision")
                        .asText(),
                "earlier results keep theirs");
        assertEquals(
                Map.of("screened", 3, "shortlisted_by_ai", 2, "reviewed", 1, "shortlisted_by_people", 1), counts(job));

        assertError(patch("/api/v1/jobs/" + job, Map.of("threshold", 101)), 400, "invalid_threshold");
        assertError(patch("/api/v1/jobs/" + job, Map.of("title", "Renamed")), 400, "unsupported_field");
        assertError(patch("/api/v1/jobs/" + job, Map.of()), 400, "missing_threshold");
        assertError(patch("/api/v1/jobs/job-missing", Map.of("threshold", 60)), 404, "job_not_found");

        // erasing a reviewed result takes it out of every count
        assertEquals(200, stack.delete("/api/v1/screening/result/" + barista).statusCode());
        assertEquals(
                Map.of("screened", 2, "shortlisted_by_ai", 2, "reviewed", 0, "shortlisted_by_people", 0), counts(job));
    }

    private static HttpResponse<String> patch(String path, Object body) throws Exception {
        return stack.http.send(
                HttpRequest.newBuilder(URI.create(stack.base + path))
                        .header("content-type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The job's counts as the jobs list shows them (every page read). */
    private static Map<String, Integer> counts(String job) throws Exception {
        String token = null;
        do {
            JsonNode page = json(stack.get("/api/v1/jobs?limit=100" + (token == null ? "" : "&next_token=" + token)));
            for (JsonNode listed : page.get("jobs")) {
                if (listed.get("job_id").asText().equals(job)) {
                    Map<String, Integer> counts = new java.util.HashMap<>();
                    listed.get("counts")
                            .fields()
                            .forEachRemaining(
                                    e -> counts.put(e.getKey(), e.getValue().asInt()));
                    return counts;
                }
            }
            token = page.get("next_token").isNull()
                    ? null
                    : page.get("next_token").asText();
        } while (token != null);
        throw new AssertionError("job " + job + " is not listed");
    }

    @Test
    void resultsSortByScoreAcrossPages() throws Exception {
        String job = stack.createJob(
                "Sorted job", Files.readString(TestStack.samples().resolve("jobs/backend-java-engineer.txt")));
        for (String resume : List.of(
                "sam-taylor-barista.txt",
                "priya-nair-java.txt",
                "grace-okafor-accountant.txt",
                "marco-silva-fullstack.txt")) {
            assertEquals(
                    201,
                    stack.uploadFile(
                                    job,
                                    resume,
                                    Files.readAllBytes(TestStack.samples().resolve("resumes/" + resume)))
                            .statusCode());
        }
        assertEquals(
                201,
                stack.uploadFile(job, "scan.pdf", PdfFixtures.imageOnlyPdf()).statusCode());
        JsonNode first = json(stack.get("/api/v1/screening/results/" + job + "?sort=score&limit=3"));
        JsonNode second = json(stack.get("/api/v1/screening/results/" + job + "?sort=score&limit=3&next_token="
                + first.get("next_token").asText()));
        List<Double> scores = new java.util.ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            page.get("results").forEach(result -> scores.add(result.get("score").asDouble()));
        }
        assertEquals(4, scores.size(), "every scored result once; the unscored scan is left to a person: " + scores);
        List<Double> descending = new java.util.ArrayList<>(scores);
        descending.sort(java.util.Comparator.reverseOrder());
        assertEquals(descending, scores);
        assertEquals(
                400,
                stack.get("/api/v1/screening/results/" + job + "?next_token="
                                + first.get("next_token").asText())
                        .statusCode(),
                "a token of the score order does not continue the newest-first order");
        assertError(stack.get("/api/v1/screening/results/" + job + "?sort=name"), 400, "invalid_sort");
    }

    @Test
    void refusesBadJobs() throws Exception {
        assertError(stack.get("/api/v1/jobs/job-missing"), 404, "job_not_found");
        assertError(
                stack.post("/api/v1/jobs", "application/json", "{\"title\":".getBytes(StandardCharsets.UTF_8)),
                400,
                "malformed_json");
        assertError(stack.post("/api/v1/jobs", "application/json", new byte[0]), 400, "empty_body");
        assertError(
                stack.post(
                        "/api/v1/jobs",
                        "application/json",
                        "{\"title\":\"Nurse\",\"description\":\"ward nurse\",\"title\":\"Java engineer\"}"
                                .getBytes(StandardCharsets.UTF_8)),
                400,
                "duplicate_field");
        assertError(
                stack.post(
                        "/api/v1/jobs",
                        "application/json",
                        "{\"title\":\"Nurse\",\"description\":\"ward \\ud800 nurse\"}"
                                .getBytes(StandardCharsets.UTF_8)),
                400,
                "invalid_description");
        assertEquals(
                201,
                stack.postJson("/api/v1/jobs", Map.of("title", "Nurse", "description", "ward nurse"))
                        .statusCode(),
                "a refused half of a surrogate pair leaves jobs as writable as before");
        assertError(stack.postJson("/api/v1/jobs", Map.of("description", "x")), 400, "missing_title");
        assertError(
                stack.postJson("/api/v1/jobs", Map.of("title", "t", "description", "d", "threshold", 150)),
                400,
                "invalid_threshold");
        assertError(
                stack.post("/api/v1/jobs", "text/xml", "<job/>".getBytes(StandardCharsets.UTF_8)),
                415,
                "unsupported_content_type");
    }

    @Test
    void screensAPdfAndKeepsTheResult() throws Exception {
        byte[] pdf = Files.readAllBytes(TestStack.samples().resolve("resumes/priya-nair-java.pdf"));
        HttpResponse<String> response = stack.uploadFile(jobId, "priya.pdf", pdf);
        assertEquals(201, response.statusCode(), response.body());
        JsonNode result = json(response);
        String id = result.get("screening_result_id").asText();
        assertEquals(jobId, result.get("job_id").asText());
        assertEquals("Test Candidate", result.get("candidate_name").asText());
        double score = result.get("score").asDouble();
        assertTrue(score >= 0 && score <= 100);
        assertEquals(
                score >= 50 ? "SHORTLIST" : "REJECT", result.get("decision").asText());
        assertTrue(result.get("confidence").asDouble() >= 0.5);
        assertEquals("0", result.get("model_version").asText());
        assertFalse(result.get("human_reviewed").asBoolean());
        Instant createdAt = Instant.parse(result.get("created_at").asText());
        assertTrue(Duration.between(createdAt, Instant.now()).abs().toMinutes() < 5, "created_at " + createdAt);

        JsonNode stored = json(stack.get("/api/v1/screening/result/" + id));
        assertEquals(score, stored.get("score").asDouble());
        assertEquals(1, stack.objectCount("resumes/" + jobId + "/" + id));
        assertEquals(1, stack.objectCount("text/" + jobId + "/" + id));
    }

    @Test
    void aMatchingResumeScoresAboveAnUnrelatedOne() throws Exception {
        double java = json(stack.uploadFile(
                        jobId,
                        "java.txt",
                        Files.readAllBytes(TestStack.samples().resolve("resumes/priya-nair-java.txt"))))
                .get("score")
                .asDouble();
        double barista = json(stack.uploadFile(
                        jobId,
                        "barista.txt",
                        Files.readAllBytes(TestStack.samples().resolve("resumes/sam-taylor-barista.txt"))))
                .get("score")
                .asDouble();
        assertTrue(java > barista + 10, "java " + java + " vs barista " + barista);
    }

    @Test
    void matchesResumesOnThePostingsWorkNotOnWhatTheEmployerOffers() throws Exception {
        String posting = Files.readString(TestStack.samples().resolve("jobs/backend-java-engineer.txt"));
        String plain = stack.createJob("Backend Java Engineer", posting);
        String withOffer = stack.createJob(
                "Backend Java Engineer",
                "About us\nA family-owned insurer of boats and caravans since 1952.\n\n" + posting
                        + "\n\nWhat we offer\n- Dental insurance, a pension and gym membership\n- A yearly bonus\n");
        byte[] resume = Files.readAllBytes(TestStack.samples().resolve("resumes/marco-silva-fullstack.txt"));

        JsonNode plainResult = json(stack.uploadFile(plain, "offer-plain.txt", resume));
        JsonNode offerResult = json(stack.uploadFile(withOffer, "offer-sections.txt", resume));

        assertEquals(
                plainResult.get("score").asDouble(), offerResult.get("score").asDouble(), 1e-9);
        assertEquals(plainResult.get("explanation"), offerResult.get("explanation"));
        List<String> missing = texts(offerResult.get("explanation").get("missing"));
        for (String offered : List.of("insurance", "pension", "gym", "bonus", "caravans")) {
            assertTrue(missing.stream().noneMatch(term -> term.contains(offered)), offered + " in " + missing);
        }
    }

    @Test
    void aPostingHiddenInWhiteTypeIsNotReadAndTheResultSaysSo() throws Exception {
        String original = Files.readString(TestStack.samples().resolve("jobs/backend-java-engineer.txt"));
        String barista = Files.readString(TestStack.samples().resolve("resumes/sam-taylor-barista.txt"));
        String job = stack.createJob("Backend Java Engineer", original);
        // the posting's words, each line's backwards: what it would score on, with no run copied word for word
        String posting = original.lines()
                .map(line -> {
                    List<String> words = new ArrayList<>(List.of(line.split(" ")));
                    Collections.reverse(words);
                    return String.join(" ", words);
                })
                .collect(Collectors.joining("\n"));

        JsonNode plain = json(stack.uploadFile(job, "barista.pdf", PdfFixtures.textPdfHiding(barista, "")));
        JsonNode hiding =
                json(stack.uploadFile(job, "barista-hiding.pdf", PdfFixtures.textPdfHiding(barista, posting)));
        JsonNode showing =
                json(stack.uploadFile(job, "barista-showing.pdf", PdfFixtures.textPdfHiding(barista + posting, "")));

        assertEquals(0, plain.get("hidden_characters").asLong());
        assertTrue(hiding.get("hidden_characters").asLong() > posting.length() / 2, hiding.toString());
        assertEquals(plain.get("score").asDouble(), hiding.get("score").asDouble(), 1e-9);
        assertEquals(
                plain.get("explanation").get("found"), hiding.get("explanation").get("found"));
        assertTrue(
                showing.get("score").asDouble() > plain.get("score").asDouble() + 30,
                "the posting read would have moved the score: " + showing.get("score") + " vs " + plain.get("score"));
        assertReadBackWithTheSame(hiding, "hidden_characters");
    }

    @Test
    void aPostingPastedIntoAResumeIsNotScoredAndTheResultSaysSo() throws Exception {
        String posting = Files.readString(TestStack.samples().resolve("jobs/backend-java-engineer.txt"));
        String barista = Files.readString(TestStack.samples().resolve("resumes/sam-taylor-barista.txt"));
        String job = stack.createJob("Backend Java Engineer", posting);

        JsonNode plain = json(stack.uploadFile(job, "barista.txt", barista.getBytes(StandardCharsets.UTF_8)));
        JsonNode pasting = json(stack.uploadFile(
                job, "barista-pasting.txt", (barista + "\n" + posting).getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, plain.get("copied_characters").asLong());
        assertTrue(pasting.get("copied_characters").asLong() > posting.length() / 2, pasting.toString());
        assertEquals(plain.get("score").asDouble(), pasting.get("score").asDouble(), 1e-9);
        assertEquals(
                plain.get("explanation").get("found"),
                pasting.get("explanation").get("found"));
        assertReadBackWithTheSame(pasting, "copied_characters");
    }

    @Test
    void aLineOfKeywordsPastedOverAndOverCountsAsSaidTwice() throws Exception {
        String posting = Files.readString(TestStack.samples().resolve("jobs/backend-java-engineer.txt"));
        String barista = Files.readString(TestStack.samples().resolve("resumes/sam-taylor-barista.txt"));
        String keywords = "Java 21, Spring Boot, PostgreSQL, AWS Lambda, DynamoDB, payment services\n";
        String job = stack.createJob("Backend Java Engineer", posting);

        JsonNode twice = json(stack.uploadFile(
                job, "barista-twice.txt", (barista + keywords.repeat(2)).getBytes(StandardCharsets.UTF_8)));
        JsonNode stuffed = json(stack.uploadFile(
                job, "barista-stuffed.txt", (barista + keywords.repeat(30)).getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, twice.get("repeated_characters").asLong());
        assertEquals(
                28 * keywords.replaceAll("\\s", "").length(),
                stuffed.get("repeated_characters").asLong());
        assertEquals(twice.get("score").asDouble(), stuffed.get("score").asDouble(), 1e-9);
        assertEquals(
                twice.get("explanation").get("found"),
                stuffed.get("explanation").get("found"));
        assertReadBackWithTheSame(stuffed, "repeated_characters");
    }

    /** The stored result, read back, says what the upload's answer said of {@code field}. */
    private void assertReadBackWithTheSame(JsonNode uploaded, String field) throws Exception {
        String id = uploaded.get("screening_result_id").asText();
        assertEquals(
                uploaded.get(field).asLong(),
                json(stack.get("/api/v1/screening/result/" + id)).get(field).asLong(),
                field);
    }

    @Test
    void explainsTheScoreWithTheJobsTermsFoundAndMissing() throws Exception {
        JsonNode result = json(stack.uploadFile(
                jobId,
                "explained.txt",
                Files.readAllBytes(TestStack.samples().resolve("resumes/marco-silva-fullstack.txt"))));
        JsonNode explanation = result.get("explanation");
        List<String> found = texts(explanation.get("found"));
        List<String> missing = texts(explanation.get("missing"));
        assertTrue(found.contains("java"), found.toString());
        assertFalse(missing.isEmpty());
        assertTrue(found.stream().noneMatch(missing::contains), found + " / " + missing);
        String text = stack.get("/api/v1/screening/result/"
                        + result.get("screening_result_id").asText() + "/original?view=text")
                .body()
                .toLowerCase(java.util.Locale.ROOT);
        found.forEach(term -> assertTrue(text.contains(term.split(" ")[0]), term + " is in the text the model read"));
        missing.forEach(term -> assertFalse(
                text.matches("(?s).*\\b" + java.util.regex.Pattern.quote(term) + "\\b.*"),
                term + " is not in the text the model read"));
        JsonNode stored = json(stack.get(
                "/api/v1/screening/result/" + result.get("screening_result_id").asText()));
        assertEquals(explanation, stored.get("explanation"));
        assertError(
                stack.get("/api/v1/screening/result/"
                        + result.get("screening_result_id").asText() + "/original?view=raw"),
                400,
                "invalid_view");
    }

    @Test
    void screensAWordDocumentAndRefusesABadOneWithItsOwnCode() throws Exception {
        byte[] docx = DocxFixtures.document(
                "Dana Word", "Backend engineer: Java 17, Spring Boot, AWS Lambda, DynamoDB", "Terraform\tREST APIs");
        HttpResponse<String> response = stack.uploadFile(jobId, "dana.docx", docx);
        assertEquals(201, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertTrue(result.get("score").asDouble() > 50, response.body());
        assertTrue(texts(result.at("/explanation/found")).contains("spring boot"), response.body());
        String id = result.get("screening_result_id").asText();
        assertEquals(1, stack.objectCount("resumes/" + jobId + "/" + id + ".docx"));
        HttpResponse<String> text = stack.get("/api/v1/screening/result/" + id + "/original?view=text");
        assertTrue(text.body().contains("Terraform\tREST APIs"), text.body());
        HttpResponse<byte[]> original = stack.http.send(
                HttpRequest.newBuilder(URI.create(stack.base + "/api/v1/screening/result/" + id + "/original"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(
                DocumentTextExtractor.DOCX,
                original.headers().firstValue("content-type").orElse(""));
        assertArrayEquals(docx, original.body());

        int before = stack.resultCount();
        assertError(
                stack.uploadFile(jobId, "cut.docx", java.util.Arrays.copyOf(docx, docx.length / 2)),
                422,
                "corrupt_docx");
        assertError(
                stack.uploadFile(jobId, "fake.docx", "not a zip".getBytes(StandardCharsets.UTF_8)), 422, "not_a_docx");
        assertEquals(before, stack.resultCount(), "a refused file leaves no record");
    }

    @Test
    void aFileAlreadyScreenedForTheJobIsAnsweredAsADuplicateWithoutASecondRecord() throws Exception {
        byte[] resume = ("Java engineer, AWS Lambda\nReference " + java.util.UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> first = stack.uploadFile(jobId, "first.txt", resume);
        assertEquals(201, first.statusCode(), first.body());
        String firstId = json(first).get("screening_result_id").asText();
        assertTrue(json(first).path("duplicate_of").isMissingNode());
        int results = stack.resultCount();

        HttpResponse<String> again = stack.uploadFile(jobId, "renamed.txt", resume);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(firstId, json(again).get("duplicate_of").asText());
        assertEquals(firstId, json(again).get("screening_result_id").asText());
        assertEquals("first.txt", json(again).get("file_name").asText());
        assertEquals(results, stack.resultCount(), "no second record");

        String otherJob = stack.createJob("Other job", "Java engineer on AWS");
        assertEquals(201, stack.uploadFile(otherJob, "first.txt", resume).statusCode(), "another job screens it anew");

        // erased, the file may come again
        assertEquals(200, stack.delete("/api/v1/screening/result/" + firstId).statusCode());
        assertEquals(201, stack.uploadFile(jobId, "first.txt", resume).statusCode());
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameResultAndConcurrentRequestsMakeOneRecord() throws Exception {
        byte[] resume =
                ("Java engineer, DynamoDB\nReference " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String key = "upload-" + java.util.UUID.randomUUID();
        int results = stack.resultCount();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(stack.http.sendAsync(uploadRequest(jobId, resume, key), HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> ids = new HashSet<>();
        int replayed = 0;
        for (var future : sent) {
            HttpResponse<String> response = future.get();
            assertEquals(201, response.statusCode(), response.body());
            ids.add(json(response).get("screening_result_id").asText());
            replayed += response.headers().firstValue("idempotent-replayed").isPresent() ? 1 : 0;
        }
        assertEquals(1, ids.size(), "one result for one key");
        assertEquals(5, replayed, "every answer but the first is a replay");
        assertEquals(results + 1, stack.resultCount(), "one record for one key");

        HttpResponse<String> later =
                stack.http.send(uploadRequest(jobId, resume, key), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, later.statusCode());
        assertEquals(
                ids.iterator().next(), json(later).get("screening_result_id").asText());
        assertError(
                stack.http.send(
                        uploadRequest(jobId, "another file".getBytes(StandardCharsets.UTF_8), key),
                        HttpResponse.BodyHandlers.ofString()),
                422,
                "idempotency_key_reused");
        assertError(
                stack.http.send(uploadRequest(jobId, resume, "has spaces"), HttpResponse.BodyHandlers.ofString()),
                400,
                "invalid_idempotency_key");
        assertEquals(results + 1, stack.resultCount());
    }

    private static HttpRequest uploadRequest(String job, byte[] content, String idempotencyKey) {
        String boundary = "idem-" + java.util.UUID.randomUUID();
        return HttpRequest.newBuilder(URI.create(stack.base + "/api/v1/screening/upload-resume"))
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .header("idempotency-key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        Multipart.body(boundary, Map.of("job_id", job), "cv.txt", content)))
                .build();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    void acceptsJsonWithBase64Content() throws Exception {
        HttpResponse<String> response = stack.postJson(
                "/api/v1/screening/upload-resume",
                Map.of(
                        "job_id",
                        jobId,
                        "candidate_name",
                        "Base Sixty-Four",
                        "file_name",
                        "cv.txt",
                        "content_base64",
                        Base64.getEncoder()
                                .encodeToString("Java and AWS Lambda engineer".getBytes(StandardCharsets.UTF_8))));
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("Base Sixty-Four", json(response).get("candidate_name").asText());
    }

    @Test
    void flagsAScannedPdfInsteadOfScoringIt() throws Exception {
        HttpResponse<String> response = stack.uploadFile(jobId, "scan.pdf", PdfFixtures.imageOnlyPdf());
        assertEquals(201, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertEquals("MANUAL_REVIEW", result.get("decision").asText());
        assertTrue(result.get("score").isNull());
        assertFalse(result.get("text_extracted").asBoolean());
        assertEquals(
                1,
                stack.objectCount("resumes/" + jobId + "/"
                        + result.get("screening_result_id").asText()));
    }

    @Test
    void readsABoundedPartOfAHugePdf() throws Exception {
        HttpResponse<String> response = stack.uploadFile(jobId, "huge.pdf", PdfFixtures.manyPages(3000, "Java"));
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(3000, json(response).get("pages").asInt());
        assertEquals(30, json(response).get("pages_read").asInt());
    }

    @Test
    void refusesBadUploadsAndStoresNothing() throws Exception {
        int objectsBefore = stack.objectCount("");
        int resultsBefore = stack.resultCount();
        byte[] pdf = PdfFixtures.textPdf("Java developer resume ".repeat(20));

        assertError(
                stack.uploadFile(jobId, "resume.pdf", "I am not a PDF".getBytes(StandardCharsets.UTF_8)),
                422,
                "not_a_pdf");
        assertError(stack.uploadFile(jobId, "resume.pdf", PdfFixtures.truncated(pdf)), 422, "corrupt_pdf");
        assertError(stack.uploadFile(jobId, "resume.pdf", PdfFixtures.encryptedPdf("secret")), 422, "encrypted_pdf");
        assertError(
                stack.uploadFile(jobId, "big.txt", "a".repeat(SMALL_LIMIT + 1).getBytes(StandardCharsets.UTF_8)),
                413,
                "file_too_large");
        assertError(stack.uploadFile(null, "resume.pdf", pdf), 400, "missing_job_id");
        assertError(stack.uploadFile("job-unknown", "resume.pdf", pdf), 404, "job_not_found");
        assertError(
                stack.post(
                        "/api/v1/screening/upload-resume",
                        "multipart/form-data; boundary=abc",
                        "--abc\r\nContent-Disposition: form-data; name=\"job_id\"\r\n\r\nx\r\n--abc--\r\n"
                                .getBytes(StandardCharsets.UTF_8)),
                400,
                "missing_file");
        assertError(
                stack.post(
                        "/api/v1/screening/upload-resume",
                        "application/json",
                        "{oops".getBytes(StandardCharsets.UTF_8)),
                400,
                "malformed_json");
        assertError(
                stack.post("/api/v1/screening/upload-resume", "application/xml", pdf), 415, "unsupported_content_type");
        assertError(
                stack.uploadFile(jobId, "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                415,
                "unsupported_file_type");

        assertEquals(objectsBefore, stack.objectCount(""));
        assertEquals(resultsBefore, stack.resultCount());
    }

    @Test
    void pagesThroughResultsNewestFirstAndFiltersByReview() throws Exception {
        String job = stack.createJob("Paging", "Java engineer");
        Set<String> uploaded = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            uploaded.add(json(stack.uploadFile(
                            job, "cv" + i + ".txt", ("Java engineer " + i).getBytes(StandardCharsets.UTF_8)))
                    .get("screening_result_id")
                    .asText());
        }
        Set<String> seen = new HashSet<>();
        String token = null;
        String previousCreated = "9999";
        int pages = 0;
        do {
            JsonNode page = json(stack.get(
                    "/api/v1/screening/results/" + job + "?limit=2" + (token == null ? "" : "&next_token=" + token)));
            for (JsonNode result : page.get("results")) {
                assertTrue(seen.add(result.get("screening_result_id").asText()));
                assertTrue(result.get("created_at").asText().compareTo(previousCreated) <= 0);
                previousCreated = result.get("created_at").asText();
            }
            token = page.get("next_token").isNull()
                    ? null
                    : page.get("next_token").asText();
            pages++;
        } while (token != null);
        assertEquals(uploaded, seen);
        assertTrue(pages >= 3);
        assertEquals(
                5,
                json(stack.get("/api/v1/screening/results/" + job + "?reviewed=false"))
                        .get("count")
                        .asInt());
        assertEquals(
                0,
                json(stack.get("/api/v1/screening/results/" + job + "?reviewed=true"))
                        .get("count")
                        .asInt());
        assertError(stack.get("/api/v1/screening/results/" + job + "?reviewed=maybe"), 400, "invalid_reviewed");
        assertError(stack.get("/api/v1/screening/results/" + job + "?limit=0"), 400, "invalid_limit");
        assertError(stack.get("/api/v1/screening/results/" + job + "?next_token=%25%25"), 400, "invalid_next_token");
        assertError(stack.get("/api/v1/screening/result/no-such-result"), 404, "screening_result_not_found");
    }

    @Test
    void refusesNextTokensThatWereForgedAlteredOrIssuedForAnotherQuery() throws Exception {
        String job = stack.createJob("Tokens", "Java engineer");
        String other = stack.createJob("Other tokens", "Java engineer");
        for (String j : List.of(job, other)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        201,
                        stack.uploadFile(j, "cv" + i + ".txt", ("Java " + i).getBytes(StandardCharsets.UTF_8))
                                .statusCode());
            }
        }
        String token = json(stack.get("/api/v1/screening/results/" + job + "?limit=1"))
                .get("next_token")
                .asText();
        String reviewedToken = json(stack.get("/api/v1/screening/results/" + job + "?limit=1&reviewed=false"))
                .get("next_token")
                .asText();
        assertEquals(
                1,
                json(stack.get("/api/v1/screening/results/" + job + "?limit=1&next_token=" + token))
                        .get("count")
                        .asInt());

        String path = "/api/v1/screening/results/";
        for (String forged : List.of(
                "eyJ4IjoxfQ",
                "e30",
                "e30.e30",
                token + "x",
                "x" + token,
                token.substring(0, token.indexOf('.')) + ".AAAA",
                token.replace('.', '_'),
                "a".repeat(5000))) {
            assertError(stack.get(path + job + "?limit=1&next_token=" + forged), 400, "invalid_next_token");
        }
        // a token continues only the query it was issued for
        assertError(stack.get(path + other + "?limit=1&next_token=" + token), 400, "invalid_next_token");
        assertError(stack.get(path + job + "?limit=1&reviewed=false&next_token=" + token), 400, "invalid_next_token");
        assertError(stack.get(path + job + "?limit=1&next_token=" + reviewedToken), 400, "invalid_next_token");
        assertEquals(
                1,
                json(stack.get(path + job + "?limit=1&reviewed=false&next_token=" + reviewedToken))
                        .get("count")
                        .asInt());
    }

    @Test
    void controlCharactersAreStrippedAtTheEdgeAndOrdinaryUnicodeKept() throws Exception {
        HttpResponse<String> created = stack.postJson(
                "/api/v1/jobs",
                Map.of(
                        "title", "Back\u0000end\u001b[31m Engineer\r\nZo\u00eb \u5c71\u7530 \ud83d\ude80\u202e\u2066",
                        "description", "Java\u0000 on AWS\nline two"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode job =
                json(stack.get("/api/v1/jobs/" + json(created).get("job_id").asText()));
        assertEquals(
                "Backend[31m Engineer  Zo\u00eb \u5c71\u7530 \ud83d\ude80",
                job.get("title").asText());
        assertEquals("Java on AWS\nline two", job.get("description").asText());

        HttpResponse<String> upload = stack.postJson(
                "/api/v1/screening/upload-resume",
                Map.of(
                        "job_id",
                        jobId,
                        "candidate_name",
                        "\u202eAna\u0000 Lima\r\n",
                        "file_name",
                        "ana.txt",
                        "content_base64",
                        Base64.getEncoder().encodeToString("Java engineer, Lisbon".getBytes(StandardCharsets.UTF_8))));
        assertEquals(201, upload.statusCode(), upload.body());
        String id = json(upload).get("screening_result_id").asText();
        assertEquals(
                "Ana Lima",
                json(stack.get("/api/v1/screening/result/" + id))
                        .get("candidate_name")
                        .asText());

        HttpResponse<String> review = stack.postJson(
                "/api/v1/feedback/submit",
                Map.of(
                        "screening_result_id",
                        id,
                        "human_decision",
                        "reject",
                        "notes",
                        "ok\u0000\u001b\r\nfine \u061c\u200fdone"));
        assertEquals(200, review.statusCode(), review.body());
        assertEquals(
                "ok  fine done",
                json(stack.get("/api/v1/screening/result/" + id)).get("notes").asText());
    }

    @Test
    void aMissingCandidateNameIsStoredAsNone() throws Exception {
        HttpResponse<String> upload = stack.postJson(
                "/api/v1/screening/upload-resume",
                Map.of(
                        "job_id",
                        jobId,
                        "file_name",
                        "anon.txt",
                        "content_base64",
                        Base64.getEncoder()
                                .encodeToString("Java engineer, anonymous".getBytes(StandardCharsets.UTF_8))));
        assertEquals(201, upload.statusCode(), upload.body());
        String id = json(upload).get("screening_result_id").asText();
        assertTrue(json(upload).get("candidate_name").isNull(), upload.body());
        assertTrue(json(stack.get("/api/v1/screening/result/" + id))
                .get("candidate_name")
                .isNull());
        var item = stack.environment
                .app()
                .dynamoDb()
                .getItem(b -> b.tableName(stack.environment.settings().tableName("screening_results"))
                        .key(Map.of(
                                "result_id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id))))
                .item();
        assertFalse(item.containsKey("candidate_name"), item.toString());
    }

    @Test
    void base64JunkIsRefusedAsInvalidBase64() throws Exception {
        int before = stack.resultCount();
        for (String junk : List.of("!!!!", "@@@@####", "QUJD*REVG", "bm90 YmFzZTY0?")) {
            HttpResponse<String> response = stack.postJson(
                    "/api/v1/screening/upload-resume",
                    Map.of("job_id", jobId, "file_name", "cv.txt", "content_base64", junk));
            assertError(response, 400, "invalid_content_base64");
        }
        // wrapped base64, as base64 tools print it, is fine
        String wrapped = Base64.getMimeEncoder()
                .encodeToString(("Java engineer " + "x".repeat(200)).getBytes(StandardCharsets.UTF_8));
        assertTrue(wrapped.contains("\r\n"));
        assertEquals(
                201,
                stack.postJson(
                                "/api/v1/screening/upload-resume",
                                Map.of("job_id", jobId, "file_name", "cv.txt", "content_base64", wrapped))
                        .statusCode());
        assertEquals(before + 1, stack.resultCount());
    }

    @Test
    void errorsEchoAtMostAHundredCharactersOfInput() throws Exception {
        String longId = "x".repeat(10_000);
        for (String path :
                List.of("/api/v1/jobs/" + longId, "/api/v1/screening/result/" + longId, "/api/v1/nothing/" + longId)) {
            HttpResponse<String> response = stack.get(path);
            assertEquals(404, response.statusCode());
            String message = json(response).at("/error/message").asText();
            assertTrue(message.contains("x".repeat(50)), message);
            assertFalse(message.contains("x".repeat(101)), "echoes " + message.length() + " characters");
            assertTrue(response.body().length() < 300, response.body());
        }
    }

    @Test
    void resultsOfAnUnknownJobAreNotFound() throws Exception {
        assertError(stack.get("/api/v1/screening/results/no-such-job"), 404, "job_not_found");
    }

    @Test
    void aPdfTooComplexToReadIsRefusedAndATooLongResumeIsScreenedFromItsStartAndFlagged() throws Exception {
        int before = stack.resultCount();
        byte[] hostile = PdfFixtures.rawContentPdf(
                1, "BT /F1 10 Tf 100 700 Td\n" + "(ABCDEFGHIJ) Tj 0 0 Td\n".repeat(60_000) + "ET\n");
        assertError(stack.uploadFile(jobId, "cv.pdf", hostile), 422, "pdf_too_complex");
        assertEquals(before, stack.resultCount());

        HttpResponse<String> longText = stack.uploadFile(
                jobId, "long.txt", ("Java engineer " + "a".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        assertEquals(201, longText.statusCode(), longText.body());
        assertTrue(json(longText).get("text_truncated").asBoolean(), longText.body());
        String id = json(longText).get("screening_result_id").asText();
        assertTrue(json(stack.get("/api/v1/screening/result/" + id))
                .get("text_truncated")
                .asBoolean());
        HttpResponse<String> shortText =
                stack.uploadFile(jobId, "short.txt", "Java engineer".getBytes(StandardCharsets.UTF_8));
        assertFalse(json(shortText).get("text_truncated").asBoolean(), shortText.body());
    }

    @Test
    void unknownRoutesAnswerWithAJsonError() throws Exception {
        assertError(stack.get("/api/v1/nothing"), 404, "route_not_found");
        HttpResponse<String> wrongMethod = stack.get("/api/v1/feedback/submit");
        assertError(wrongMethod, 405, "method_not_allowed");
        assertEquals("POST", wrongMethod.headers().firstValue("allow").orElse(null));
        HttpResponse<String> neither = stack.delete("/api/v1/jobs");
        assertError(neither, 405, "method_not_allowed");
        assertEquals("GET, POST", neither.headers().firstValue("allow").orElse(null));
        HttpResponse<String> getOnly =
                stack.post("/api/v1/screening/results/some-job", "application/json", new byte[0]);
        assertError(getOnly, 405, "method_not_allowed");
        assertEquals("GET", getOnly.headers().firstValue("allow").orElse(null));
    }
}
