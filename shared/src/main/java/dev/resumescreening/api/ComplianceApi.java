package dev.resumescreening.api;

import dev.resumescreening.compliance.AdverseImpactReport;
import dev.resumescreening.compliance.AdverseImpactService;
import dev.resumescreening.compliance.AuditExporter;
import dev.resumescreening.compliance.ErasureService;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.screening.Timestamps;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;

/**
 * The compliance routes, all admin-only (contract.json): erasure of a result, the adverse-impact report (JSON, or
 * CSV with {@code format=csv}) and the audit export (JSON lines).
 */
public final class ComplianceApi {
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv; charset=utf-8";

    private final ErasureService erasure;
    private final AdverseImpactService reports;
    private final AuditExporter audit;

    @Inject
    public ComplianceApi(ErasureService erasure, AdverseImpactService reports, AuditExporter audit) {
        this.erasure = erasure;
        this.reports = reports;
        this.audit = audit;
    }

    public Map<String, Endpoint> routes() {
        return Map.of(
                "DELETE /api/v1/screening/result/{result_id}", this::erase,
                "GET /api/v1/reports/adverse-impact", this::adverseImpact,
                "GET /api/v1/audit", this::audit);
    }

    ApiResponse erase(ApiRequest request) {
        ErasureService.Erased erased = erasure.erase(request.pathParameter("result_id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("erased", true);
        body.put("screening_result_id", erased.resultId());
        body.put("job_id", erased.jobId());
        body.put("was_reviewed", erased.wasReviewed());
        return ApiResponse.ok(body);
    }

    ApiResponse adverseImpact(ApiRequest request) {
        Range range = Range.parse(request.query("from").orElse(null), request.query("to").orElse(null));
        String format = request.query("format").orElse("json").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            throw ProblemException.invalid("invalid_format", "format must be json or csv");
        }
        AdverseImpactReport.Result report = reports.report(request.query("job_id").orElse(null), range.from(),
                range.to());
        JsonLog.info("report.adverse_impact", Map.of("job_id", String.valueOf(report.jobId()),
                "results", report.results(), "format", format));
        return format.equals("csv") ? ApiResponse.text(CSV, AdverseImpactViews.csv(report))
                : ApiResponse.ok(AdverseImpactViews.json(report));
    }

    ApiResponse audit(ApiRequest request) {
        Range range = Range.parse(request.query("from").orElse(null), request.query("to").orElse(null));
        StringWriter out = new StringWriter();
        audit.export(range.from(), range.to(), out);
        return ApiResponse.text(NDJSON, out.toString());
    }

    /**
     * A range of creation (or review) times, {@code [from, to)}: each end a date (YYYY-MM-DD, UTC; {@code to} takes
     * the whole day) or an ISO instant; either may be left out.
     */
    public record Range(String from, String to) {
        public static Range parse(String from, String to) {
            String start = from == null || from.isBlank() ? null : bound(from.strip(), "from", false);
            String end = to == null || to.isBlank() ? null : bound(to.strip(), "to", true);
            if (start != null && end != null && start.compareTo(end) >= 0) {
                throw ProblemException.invalid("invalid_range", "from must be before to");
            }
            return new Range(start, end);
        }

        private static String bound(String value, String name, boolean end) {
            try {
                if (value.length() == 10) {
                    LocalDate date = LocalDate.parse(value);
                    return Timestamps.format((end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant());
                }
                return Timestamps.format(Instant.parse(value));
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("invalid_" + name, name
                        + " must be a date (YYYY-MM-DD) or an ISO instant (2026-11-26T00:00:00Z)");
            }
        }
    }
}
