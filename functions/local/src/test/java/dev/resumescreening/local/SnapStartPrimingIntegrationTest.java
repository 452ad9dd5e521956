package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.di.AppComponent;
import dev.resumescreening.functions.feedback.FeedbackHandler;
import dev.resumescreening.functions.jobs.JobsHandler;
import dev.resumescreening.functions.results.ResultsHandler;
import dev.resumescreening.functions.status.StatusHandler;
import dev.resumescreening.functions.trigger.TriggerHandler;
import dev.resumescreening.functions.upload.UploadHandler;
import dev.resumescreening.lambda.ApiFunction;
import dev.resumescreening.lambda.HttpApiAdapter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the API functions do before a SnapStart snapshot: reach their handlers (not 403 or 500) on every read route a
 * reviewer may call, screen a built-in PDF in the upload function, and change nothing stored.
 */
class SnapStartPrimingIntegrationTest {
    @Test
    void primingReachesEveryReadRouteAndStoresNothing() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            stack.createJob("Java", "Java engineer on AWS");
            AppComponent app = stack.environment.app();
            int results = stack.resultCount();
            int objects = stack.objectCount("");
            String jobs = stack.get("/api/v1/jobs").body();

            List<ApiFunction> functions = List.of(
                    new JobsHandler(app),
                    new UploadHandler(app),
                    new ResultsHandler(app),
                    new FeedbackHandler(app),
                    new StatusHandler(app),
                    new TriggerHandler(app, stack.environment.trainingLauncher()));
            functions.forEach(function -> function.snapStartPriming().beforeCheckpoint(null));

            assertEquals(results, stack.resultCount());
            assertEquals(objects, stack.objectCount(""));
            assertEquals(jobs, stack.get("/api/v1/jobs").body());
            assertEquals(
                    Map.of(
                            "GET /api/v1/screening/result/{result_id}", 404,
                            "GET /api/v1/screening/result/{result_id}/original", 404,
                            "GET /api/v1/screening/results/{job_id}", 404),
                    new HttpApiAdapter(ResultsHandler.FUNCTION, app.resultsApi().routes()).primeReadRoutes());
            assertEquals(
                    Map.of("GET /api/v1/jobs", 200, "GET /api/v1/jobs/{job_id}", 404),
                    new HttpApiAdapter(JobsHandler.FUNCTION, app.jobsApi().routes()).primeReadRoutes());
            double score = app.screening().rehearse();
            assertTrue(score > 0 && score <= 100, "rehearsal score " + score);
            assertEquals(results, stack.resultCount());
        }
    }
}
