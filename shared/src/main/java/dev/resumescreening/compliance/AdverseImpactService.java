package dev.resumescreening.compliance;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.ports.JobRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Reads the results of a range and their self-identification, and computes the adverse-impact report. */
@Singleton
public final class AdverseImpactService {
    private final ComplianceStore store;
    private final JobRepository jobs;

    @Inject
    public AdverseImpactService(ComplianceStore store, JobRepository jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    /**
     * The report over results created in {@code [from, to)} (ISO timestamps; null for open ends), of one job or of
     * all jobs ({@code jobId} null); a job that does not exist is refused ({@code job_not_found}).
     */
    public AdverseImpactReport.Result report(String jobId, String from, String to) {
        if (jobId != null && jobs.find(jobId).isEmpty()) {
            throw ProblemException.notFound("job", jobId);
        }
        List<AdverseImpactReport.Row> rows = new ArrayList<>();
        List<dev.resumescreening.domain.ScreeningResult> results = new ArrayList<>();
        store.forEachResult(jobId, from, to, results::add);
        Map<String, SelfIdentification> answers = store.selfIdentifications(results.stream()
                .map(dev.resumescreening.domain.ScreeningResult::resultId)
                .toList());
        for (var result : results) {
            rows.add(new AdverseImpactReport.Row(
                    result.resultId(),
                    result.createdAt(),
                    result.modelVersion(),
                    result.score(),
                    result.decision(),
                    result.review() == null ? null : result.review().humanDecision(),
                    answers.get(result.resultId())));
        }
        return AdverseImpactReport.compute(jobId, from, to, rows);
    }
}
