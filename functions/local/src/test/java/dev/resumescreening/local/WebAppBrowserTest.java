package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import dev.resumescreening.testing.PdfFixtures;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in headless Chromium (Debian's chromium and chromium-driver; skipped when they are not installed):
 * create a job, upload five resumes one of which is refused and one a duplicate, sort the results by score, review
 * three with the keyboard while the training bar counts them, see the job's counts, train, open the run and its ROC
 * curves, roll back, and candidate-supplied markup shown as text. Screenshots go to target/screenshots (or the directory in
 * the system property webapp.screenshots, e.g. docs/screenshots).
 */
class WebAppBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static TestStack stack;
    private static WebDriver driver;
    private static Path profile;
    private static Path screenshots;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        stack = TestStack.start(Map.of());
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1366,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        String configured = System.getProperty("webapp.screenshots", "");
        screenshots = configured.isBlank()
                ? Path.of("target", "screenshots")
                : TestStack.samples().getParent().resolve(configured);
        Files.createDirectories(screenshots);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String name) throws Exception {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void assertNoAlert() {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("an alert dialog opened: " + text);
        } catch (NoAlertPresentException expected) {
            // no script ran
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Number> timingsOnPage() {
        return (List<Number>) js("return window.__reviewTimings;");
    }

    private static String championVersion() {
        try {
            return Json.read(stack.get("/api/v1/models").body())
                    .at("/active/champion_version")
                    .asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trainingBarCount() {
        return driver.findElement(By.id("training-bar-text")).getAttribute("data-new-samples");
    }

    @Test
    void createUploadAndReviewWithTheKeyboard() throws Exception {
        // first load: what the browser transfers for the jobs screen
        driver.get(stack.base + "/#/jobs");
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("jobs-table")));
        long transferred = ((Number) js("return performance.getEntriesByType('navigation')"
                        + ".concat(performance.getEntriesByType('resource'))"
                        + ".filter(e => !e.name.includes('/api/')).reduce((n, e) => n + (e.transferSize || 0), 0);"))
                .longValue();
        double firstScreenMs = ((Number) js("return window.__firstScreenMs;")).doubleValue();
        assertTrue(driver.findElement(By.id("env-label")).getText().contains("local stack — no sign-in"));

        // create a job
        driver.findElement(By.id("job-title")).sendKeys("Backend Java Engineer");
        driver.findElement(By.id("job-description"))
                .sendKeys(Files.readString(TestStack.samples().resolve("jobs/backend-java-engineer.txt")));
        driver.findElement(By.id("create-job")).click();
        waitUpTo(20).until(ExpectedConditions.urlMatches("#/jobs/job-[^/]+/upload$"));
        String jobId = driver.getCurrentUrl().replaceAll(".*#/jobs/([^/]+)/upload$", "$1");

        // upload five files: three resumes, one of them again under another name (a duplicate), and a PDF that is not
        // one
        Path dir = Files.createTempDirectory("uploads");
        List<String> paths = new ArrayList<>();
        for (String name : List.of("priya-nair-java.pdf", "marco-silva-fullstack.txt", "sam-taylor-barista.txt")) {
            paths.add(Files.copy(TestStack.samples().resolve("resumes/" + name), dir.resolve(name))
                    .toString());
        }
        paths.add(Files.copy(TestStack.samples().resolve("resumes/priya-nair-java.pdf"), dir.resolve("priya-again.pdf"))
                .toString());
        paths.add(Files.writeString(dir.resolve("broken.pdf"), "this is not a PDF at all")
                .toString());
        // the voluntary self-identification set on the form goes with every file added next
        new Select(waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("self-sex"))))
                .selectByValue("female");
        new Select(driver.findElement(By.id("self-race"))).selectByValue("asian");
        waitUpTo(20)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("file-input")))
                .sendKeys(String.join("\n", paths));
        waitUpTo(60)
                .until(d -> d.findElements(By.cssSelector("tr.upload-row[data-status]"))
                                .size()
                        == 5);
        WebElement broken = driver.findElement(By.cssSelector("tr.upload-row[data-file='broken.pdf']"));
        assertEquals("error", broken.getAttribute("data-status"));
        String error = broken.findElement(By.className("upload-error")).getText();
        assertFalse(error.isBlank(), "the refused file's row shows the API's message");
        assertEquals(
                3,
                driver.findElements(By.cssSelector("tr.upload-row[data-status='ok']"))
                        .size());
        List<WebElement> duplicates = driver.findElements(By.cssSelector("tr.upload-row[data-status='duplicate']"));
        assertEquals(1, duplicates.size(), "the second copy of the same file is flagged");
        assertTrue(
                duplicates.get(0).getText().contains("Already screened for this job"),
                duplicates.get(0).getText());
        screenshot("upload");
        String report = stack.get("/api/v1/reports/adverse-impact?format=csv&job_id=" + jobId)
                .body();
        assertTrue(report.contains("ai,sex,female,3,") && report.contains("ai,race_ethnicity,asian,3,"), report);

        // results: three rows, sorted by score (by the API) on request
        driver.get(stack.base + "/#/jobs/" + jobId + "/results");
        waitUpTo(20).until(d -> d.findElements(By.cssSelector("tr.result-row")).size() == 3);
        driver.findElement(By.id("sort-score")).click();
        waitUpTo(20)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#results-table tbody[data-sort='score']")));
        List<Double> scores = driver.findElements(By.cssSelector("tr.result-row td.score")).stream()
                .map(e -> Double.parseDouble(e.getText()))
                .toList();
        assertEquals(3, scores.size());
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "sorted by score, highest first: " + scores);
        }
        screenshot("results");

        // review three from the queue with the keyboard; the bar counts each
        driver.get(stack.base + "/#/review?job_id=" + jobId);
        waitUpTo(20).until(d -> d.findElement(By.id("review-content")).getAttribute("data-result-id") != null);
        assertEquals("0", trainingBarCount());
        // why: the job's terms found (marked in the text the model read) and missing
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("resume-text")));
        assertFalse(driver.findElements(By.cssSelector("#explanation ul.terms.missing li"))
                .isEmpty());
        for (WebElement found : driver.findElements(By.cssSelector("#explanation ul.terms.found li"))) {
            String word = found.getText().split(" ")[0];
            assertTrue(
                    driver.findElements(By.cssSelector("#resume-text mark")).stream()
                            .anyMatch(mark -> mark.getText().equalsIgnoreCase(word)),
                    word + " is marked in the text");
        }
        screenshot("review");
        String[] keys = {"s", "r", "s"};
        List<String> reviewed = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            String before = driver.findElement(By.id("review-content")).getAttribute("data-result-id");
            reviewed.add(before);
            new Actions(driver).sendKeys(keys[i]).perform();
            waitUpTo(20)
                    .until(d -> !before.equals(
                            d.findElement(By.id("review-content")).getAttribute("data-result-id")));
            String expected = String.valueOf(i + 1);
            waitUpTo(20).until(d -> expected.equals(trainingBarCount()));
        }
        assertEquals(3, reviewed.stream().distinct().count());
        HttpResponse<String> result = stack.get("/api/v1/screening/result/" + reviewed.get(1));
        assertEquals("reject", Json.read(result.body()).get("human_decision").asText());
        assertTrue(driver.findElement(By.id("training-bar-text")).getText().startsWith("3 of "));
        List<Number> timingsSoFar = timingsOnPage();
        List<Number> timings = timingsSoFar;
        List<Double> sorted = timings.stream().map(Number::doubleValue).sorted().toList();
        double p50 = sorted.get(sorted.size() / 2);

        // undo takes the last review back: that resume again, unreviewed, and the bar one review lower
        new Actions(driver).sendKeys("u").perform();
        waitUpTo(20)
                .until(d -> reviewed.get(2)
                        .equals(d.findElement(By.id("review-content")).getAttribute("data-result-id")));
        waitUpTo(20).until(d -> "2".equals(trainingBarCount()));
        assertTrue(driver.findElement(By.id("training-bar-text")).getText().startsWith("2 of "));
        assertTrue(
                driver.findElement(By.id("review-facts")).getText().contains("not yet"),
                driver.findElement(By.id("review-facts")).getText());
        assertFalse(Json.read(
                        stack.get("/api/v1/screening/result/" + reviewed.get(2)).body())
                .get("human_reviewed")
                .asBoolean());
        // skip moves on without reviewing
        new Actions(driver).sendKeys("k").perform();
        waitUpTo(20)
                .until(d -> !reviewed.get(2)
                        .equals(d.findElement(By.id("review-content")).getAttribute("data-result-id")));
        assertEquals("2", trainingBarCount());
        // the review before, changed meanwhile elsewhere: its undo is refused with the API's message
        assertEquals(
                200,
                stack.postJson(
                                "/api/v1/feedback/submit",
                                Map.of(
                                        "screening_result_id",
                                        reviewed.get(1),
                                        "human_decision",
                                        "reject",
                                        "notes",
                                        "seen in another tab"))
                        .statusCode());
        new Actions(driver).sendKeys("u").perform();
        waitUpTo(20).until(d -> d.findElement(By.id("toast")).getText().contains("reviewed again"));
        assertTrue(driver.findElement(By.id("review-message")).getText().startsWith("Undo refused"));
        assertTrue(Json.read(
                        stack.get("/api/v1/screening/result/" + reviewed.get(1)).body())
                .get("human_reviewed")
                .asBoolean());
        assertEquals("2", trainingBarCount());

        // the jobs list counts the job's results: three screened, two reviewed (one undone), one shortlisted by people
        driver.get(stack.base + "/#/jobs");
        By row = By.cssSelector("#jobs-table tr[data-job-id='" + jobId + "']");
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(row));
        assertEquals(
                "3",
                driver.findElement(row)
                        .findElement(By.cssSelector("td.screened"))
                        .getText());
        assertEquals(
                "2",
                driver.findElement(row)
                        .findElement(By.cssSelector("td.reviewed"))
                        .getText());
        assertEquals(
                "1",
                driver.findElement(row)
                        .findElement(By.cssSelector("td.shortlisted-people"))
                        .getText());
        screenshot("jobs");

        // training: enough reviews (on other jobs, by the truth) for the gate to judge, a forced run, its page with
        // both
        // ROC curves
        RealisticReviews.review(
                stack, RealisticReviews.upload(stack, RealisticReviews.createJobs(stack), 20, 1), 0.0, 1);
        driver.get(stack.base + "/#/training");
        waitUpTo(20)
                .until(ExpectedConditions.elementToBeClickable(By.id("train-force")))
                .click();
        driver.findElement(By.id("train-min-samples")).sendKeys("10");
        driver.findElement(By.id("btn-trigger")).click();
        waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("dialog[open] button[value='confirm']")))
                .click();
        waitUpTo(20).until(ExpectedConditions.urlMatches("#/training/run-[^/]+$"));
        stack.environment.trainingLauncher().awaitIdle(5, java.util.concurrent.TimeUnit.MINUTES);
        waitUpTo(30)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".roc-chart polyline.curve.candidate")));
        int points = Integer.parseInt(driver.findElement(By.cssSelector(".roc-chart polyline.curve.candidate"))
                .getAttribute("data-points"));
        assertTrue(points >= 2 && points <= 101, "candidate curve of " + points + " points");
        assertFalse(driver.findElements(By.cssSelector(".roc-chart polyline.curve.active"))
                .isEmpty());
        String runFacts = driver.findElement(By.id("run-detail")).getText();
        assertTrue(
                runFacts.matches("(?s).*Weighted ROC AUC, candidate / live \\(the gate\u2019s\\)\\s+[01]\\.\\d{3} /"
                        + " [01]\\.\\d{3}.*Weighting\\s+each pair weighted by the resumes of its job.*"),
                runFacts);
        assertFalse(
                driver.findElements(By.cssSelector("#runs-table tr.run-row")).isEmpty());
        js("document.querySelector('.roc').scrollIntoView({block: 'center'});");
        screenshot("training");

        // roll back from the training page (confirmed): the previous champion is live again
        String runId = driver.getCurrentUrl().replaceAll(".*#/training/", "");
        JsonNode run = Json.read(stack.get("/api/v1/training/runs/" + runId).body());
        assertEquals("SUCCEEDED", run.get("state").asText());
        if (!run.get("activated").asBoolean()) {
            // the gate may keep model 0 live on these pairs: an admin's forced activation gives rollback its work
            assertEquals(
                    200,
                    stack.postJson(
                                    "/api/v1/models/activate",
                                    Map.of(
                                            "champion",
                                            run.get("candidate_version").asText(),
                                            "force",
                                            true))
                            .statusCode());
        }
        assertNotEquals("0", championVersion());
        js("window.scrollTo(0, 0);");
        driver.findElement(By.id("btn-training-rollback")).click();
        waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("dialog[open] button[value='confirm']")))
                .click();
        waitUpTo(20).until(d -> "0".equals(championVersion()));

        // models: the rollback confirmation, cancelled
        driver.get(stack.base + "/#/models");
        waitUpTo(20)
                .until(ExpectedConditions.elementToBeClickable(By.id("btn-rollback")))
                .click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dialog[open]")));
        screenshot("models");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("dialog")).isEmpty());
        assertEquals("0", driver.findElement(By.id("champion")).getText());

        // the adverse-impact page (admins) answers, with nobody self-identified
        driver.get(stack.base + "/#/fairness?job_id=" + jobId);
        waitUpTo(20)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#adverse-impact section.decisions.ai")));
        screenshot("fairness");

        String figures = String.format(
                "first_load_ms=%.0f%nfirst_load_transfer_bytes=%d%nreview_to_next_p50_ms=%.1f%n"
                        + "review_to_next_ms=%s%n",
                firstScreenMs, transferred, p50, timings);
        System.out.print(figures);
        Files.writeString(Path.of("target", "webapp-measurements.txt"), figures);
    }

    @Test
    void markupFromCandidatesIsShownAsText() throws Exception {
        String jobId = stack.createJob("Markup job", "Java engineer on AWS");
        String name = "<img src=x onerror=alert(1)>";
        String resume = "Java engineer on AWS\n<script>alert(1)</script>\n<b>bold</b>";
        String boundary = "xss-" + UUID.randomUUID();
        HttpResponse<String> upload = stack.post(
                "/api/v1/screening/upload-resume",
                "multipart/form-data; boundary=" + boundary,
                Multipart.body(
                        boundary,
                        Map.of("job_id", jobId, "candidate_name", name),
                        "resume.txt",
                        resume.getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, upload.statusCode(), upload.body());
        String resultId = Json.read(upload.body()).get("screening_result_id").asText();

        driver.get(stack.base + "/#/jobs/" + jobId + "/results");
        waitUpTo(20).until(d -> d.findElements(By.cssSelector("tr.result-row")).size() == 1);
        assertEquals(
                name,
                driver.findElement(By.cssSelector("tr.result-row td.candidate")).getText());
        assertTrue(driver.findElements(By.cssSelector("#main img")).isEmpty(), "no element was injected");
        assertNoAlert();

        driver.findElement(By.cssSelector("tr.result-row")).sendKeys(Keys.ENTER);
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("resume-text")));
        assertEquals(resultId, driver.findElement(By.id("review-content")).getAttribute("data-result-id"));
        assertEquals(name, driver.findElement(By.id("review-candidate")).getText());
        String read = driver.findElement(By.id("resume-text")).getText();
        assertTrue(read.contains("<script>") && read.contains("<b>"), "the text the model read, as text: " + read);
        // and the file as uploaded, as text too
        driver.findElement(By.id("btn-original")).click();
        waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#resume-panel pre.resume-text"), "<script>alert(1)</script>"));
        assertTrue(
                driver.findElements(By.cssSelector("#main img, #main script, #main b"))
                        .isEmpty(),
                "no element was injected");
        assertNotEquals(Boolean.TRUE, js("return window.__xss === true;"));
        assertNoAlert();
        screenshot("xss");
    }

    @Test
    void theReviewScreenSaysWhenTextHiddenInTheFileWasNotRead() throws Exception {
        String jobId = stack.createJob("Hidden text job", "Java engineer on AWS Lambda and DynamoDB");
        HttpResponse<String> plain = stack.uploadFile(
                jobId, "plain.pdf", PdfFixtures.textPdfHiding("Barista\nLatte art and customer service", ""));
        HttpResponse<String> hiding = stack.uploadFile(
                jobId,
                "hiding.pdf",
                PdfFixtures.textPdfHiding("Barista\nLatte art and customer service", "Java engineer AWS Lambda"));
        assertEquals(201, plain.statusCode(), plain.body());
        assertEquals(201, hiding.statusCode(), hiding.body());
        for (HttpResponse<String> upload : List.of(plain, hiding)) {
            String resultId =
                    Json.read(upload.body()).get("screening_result_id").asText();
            driver.get(stack.base + "/#/review?result_id=" + resultId + "&job_id=" + jobId);
            waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("review-content"), "data-result-id", resultId));
            List<WebElement> note = driver.findElements(By.id("review-hidden-text"));
            if (upload == plain) {
                assertTrue(note.isEmpty(), "a file without hidden text says nothing of it");
            } else {
                assertEquals(1, note.size());
                assertTrue(
                        note.get(0).getText().startsWith("21 characters in the file that no reader sees"),
                        note.get(0).getText());
            }
        }
        assertNoAlert();
    }

    @Test
    void theReviewScreenSaysWhenTextCopiedFromTheJobDescriptionOrRepeatedWasNotScored() throws Exception {
        String posting = "You will build and run the payment services of a bank on AWS Lambda and DynamoDB in Java";
        String jobId = stack.createJob("Copied text job", posting);
        String skills = "Latte art, espresso, cash handling\n";
        HttpResponse<String> copying = stack.uploadFile(
                jobId,
                "copying.txt",
                ("Barista\nLatte art and customer service\n" + skills.repeat(5) + posting).getBytes());
        assertEquals(201, copying.statusCode(), copying.body());
        String resultId = Json.read(copying.body()).get("screening_result_id").asText();
        driver.get(stack.base + "/#/review?result_id=" + resultId + "&job_id=" + jobId);
        waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("review-content"), "data-result-id", resultId));
        List<WebElement> copied = driver.findElements(By.id("review-copied-text"));
        assertEquals(1, copied.size());
        assertTrue(
                copied.get(0).getText().startsWith("71 characters of the text are copied word for word from the job"),
                copied.get(0).getText());
        List<WebElement> repeated = driver.findElements(By.id("review-repeated-text"));
        assertEquals(1, repeated.size());
        assertTrue(
                repeated.get(0).getText().startsWith("90 characters of the text repeat what it already says twice"),
                repeated.get(0).getText());
        assertNoAlert();
    }

    @Test
    void theReviewScreenSaysWhenAJobsSimilaritiesWereRaisedOrLowered() throws Exception {
        String description = "Payroll accountant: payroll, general ledger, reconciliations";
        String plain = stack.createJob("Plain job", description);
        String raised = stack.createJob("Raised job", description);
        // a thousand earlier applicants at half the typical cosine: the job's similarities are raised 1.96 times
        stack.addApplicants(raised, 1000, 1000 * 0.0625 / 2);
        String lowered = stack.createJob("Lowered job", description);
        // a thousand at twice the typical cosine: lowered as far as the scale goes, 0.7
        stack.addApplicants(lowered, 1000, 1000 * 0.0625 * 2);
        String resume = "Accountant: payroll and general ledger, month-end close";
        for (String jobId : List.of(plain, raised, lowered)) {
            HttpResponse<String> upload =
                    stack.uploadFile(jobId, "accountant.txt", resume.getBytes(StandardCharsets.UTF_8));
            assertEquals(201, upload.statusCode(), upload.body());
            driver.get(stack.base + "/#/jobs/" + jobId + "/results");
            waitUpTo(20)
                    .until(d -> d.findElements(By.cssSelector("tr.result-row")).size() == 1);
            driver.findElement(By.cssSelector("tr.result-row")).sendKeys(Keys.ENTER);
            waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#explanation .row")));
            List<WebElement> note = driver.findElements(By.cssSelector("#explanation .job-scale"));
            if (jobId.equals(plain)) {
                assertTrue(note.isEmpty(), "a job as written says nothing of a scale");
            } else {
                assertEquals(1, note.size());
                String expected = jobId.equals(raised) ? "less than most jobs' do" : "more than most jobs' do";
                String scaled = jobId.equals(raised) ? "raised ×1.96" : "lowered ×0.70";
                assertTrue(note.get(0).getText().contains(expected), note.get(0).getText());
                assertTrue(note.get(0).getText().contains(scaled), note.get(0).getText());
            }
        }
        assertNoAlert();
    }

    @Test
    void theReviewScreenGreysTheJobsSectionsResumesAreNotMatchedAgainst() throws Exception {
        String withEmployerSections = stack.createJob(
                "Ledger accountant",
                "About us\nWe roast coffee in six cities.\n\nDuties\n- Reconcile the general ledger\n\n"
                        + "Benefits: pension and 28 days of holiday\n");
        String workOnly = stack.createJob("Payroll accountant", "Duties\n- Run payroll and reconcile the ledger\n");
        for (String jobId : List.of(withEmployerSections, workOnly)) {
            HttpResponse<String> upload = stack.uploadFile(
                    jobId, "accountant.txt", "Accountant: general ledger, payroll".getBytes(StandardCharsets.UTF_8));
            assertEquals(201, upload.statusCode(), upload.body());
            driver.get(stack.base + "/#/review?result_id="
                    + Json.read(upload.body()).get("screening_result_id").asText());
            WebElement jobText = waitUpTo(20)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-panel .job-text")));
            List<String> greyed = jobText.findElements(By.cssSelector(".left-out")).stream()
                    .map(WebElement::getText)
                    .toList();
            List<WebElement> note = driver.findElements(By.id("job-left-out-note"));
            if (jobId.equals(workOnly)) {
                assertEquals(List.of(), greyed);
                assertTrue(note.isEmpty(), "a job without such sections says nothing of them");
                continue;
            }
            assertEquals(2, greyed.size(), greyed.toString());
            assertTrue(greyed.get(0).startsWith("About us") && greyed.get(0).contains("coffee"), greyed.toString());
            assertTrue(greyed.get(1).startsWith("Benefits: pension"), greyed.toString());
            assertTrue(jobText.getText().contains("Reconcile the general ledger"), jobText.getText());
            assertFalse(greyed.stream().anyMatch(text -> text.contains("Reconcile")), greyed.toString());
            assertEquals(1, note.size());
            assertTrue(
                    note.get(0).getText().contains("not matched against them"),
                    note.get(0).getText());
        }
        assertNoAlert();
    }

    @Test
    void theReviewScreenShowsTheBlendWithSimilarApplicants() throws Exception {
        String jobId = stack.createJob("Blended job", "Payroll accountant: payroll, general ledger, reconciliations");
        for (int i = 0; i < 10; i++) {
            String earlier = "Payroll clerk " + "ab".repeat(i + 1) + ": payroll runs, timesheets, ledger entries";
            assertEquals(
                    201,
                    stack.uploadFile(jobId, "clerk-" + i + ".txt", earlier.getBytes(StandardCharsets.UTF_8))
                            .statusCode());
        }
        HttpResponse<String> upload = stack.uploadFile(
                jobId,
                "accountant.txt",
                "Accountant: payroll and general ledger, month-end close".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, upload.statusCode(), upload.body());
        JsonNode explanation = Json.read(upload.body()).get("explanation");
        driver.get(stack.base + "/#/review?result_id="
                + Json.read(upload.body()).get("screening_result_id").asText());
        WebElement note = waitUpTo(20)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#explanation .similar-applicants")));
        String expected = "On its own this resume scored " + shown(explanation.get("own_score"))
                + "; the 10 earlier applicants whose resumes read most like it scored "
                + shown(explanation.get("similar_applicants_score")) + " on average, and weigh 70% of the score";
        assertTrue(note.getText().contains(expected), note.getText());
        assertNoAlert();
    }

    /** A score as the web app shows it: JavaScript's toFixed(1) rounds the double's exact value, halves up. */
    private static String shown(JsonNode score) {
        return new java.math.BigDecimal(score.asDouble())
                .setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    @Test
    void swaggerUiShowsEveryOperation() throws Exception {
        driver.get(stack.base + "/docs");
        int operations = dev.resumescreening.config.Contract.get().routes().size();
        waitUpTo(30)
                .until(d ->
                        d.findElements(By.cssSelector(".swagger-ui .opblock")).size() == operations);
        screenshot("docs");
    }

    @Test
    void filesDroppedOnTheZoneAreUploadedEachWithItsOwnAnswer() throws Exception {
        String jobId = stack.createJob("Drop job", "Java engineer on AWS");
        driver.get(stack.base + "/#/jobs/" + jobId + "/upload");
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("dropzone")));
        // what a drag from the desktop delivers: a drop event whose DataTransfer holds the files
        js(
                "const dt = new DataTransfer();"
                        + "dt.items.add(new File(['Java engineer, AWS Lambda, DynamoDB'], 'dropped.txt', {type: 'text/plain'}));"
                        + "dt.items.add(new File(['MZ'], 'program.exe', {type: 'application/octet-stream'}));"
                        + "document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));");
        waitUpTo(30)
                .until(d -> d.findElements(By.cssSelector("tr.upload-row[data-status]"))
                                .size()
                        == 2);
        assertEquals(
                "ok",
                driver.findElement(By.cssSelector("tr.upload-row[data-file='dropped.txt']"))
                        .getAttribute("data-status"));
        WebElement refused = driver.findElement(By.cssSelector("tr.upload-row[data-file='program.exe']"));
        assertEquals("error", refused.getAttribute("data-status"));
        assertFalse(refused.findElement(By.className("upload-error")).getText().isBlank());
    }

    @Test
    void aFileOverFourMegabytesGoesThroughTheBucket() throws Exception {
        String jobId = stack.createJob("Large file job", "Java engineer on AWS");
        driver.get(stack.base + "/#/jobs/" + jobId + "/upload");
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("dropzone")));
        js(
                "const dt = new DataTransfer();"
                        + "dt.items.add(new File(['Java engineer, AWS Lambda, DynamoDB. '.repeat(130000)], 'large.txt', {type: 'text/plain'}));"
                        + "document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));");
        waitUpTo(60)
                .until(d -> d.findElements(By.cssSelector("tr.upload-row[data-status]"))
                                .size()
                        == 1);
        WebElement row = driver.findElement(By.cssSelector("tr.upload-row[data-file='large.txt']"));
        assertEquals("ok", row.getAttribute("data-status"), row.getText());
        assertTrue(
                ((Number) js("return performance.getEntriesByType('resource')"
                                        + ".filter(e => e.name.includes('/uploads/" + jobId + "/')).length;"))
                                .intValue()
                        > 0,
                "the file was put to the bucket");
        assertEquals(0, stack.objectCount("uploads/" + jobId));
        assertEquals(1, stack.objectCount("resumes/" + jobId));
    }
}
