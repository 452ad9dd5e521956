package dev.resumescreening.api;

import dev.resumescreening.compliance.AdverseImpactReport;
import dev.resumescreening.compliance.AdverseImpactService;
import dev.resumescreening.compliance.AuditExporter;
import dev.resumescreening.compliance.ErasureService;
import dev.resumescreening.config.Contract;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.screening.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

    /**
     * Largest audit export answered in the response itself: a function's answer may not exceed 6 MB. A larger one is
     * stored under exports/audit/ and answered with a redirect to a URL that expires after {@link #DOWNLOAD_LIFETIME}.
     */
    static final long INLINE_AUDIT_BYTES = 4L * 1024 * 1024;

    static final Duration DOWNLOAD_LIFETIME = Duration.ofMinutes(15);

    private final ErasureService erasure;
    private final AdverseImpactService reports;
    private final AuditExporter audit;
    private final DocumentStore documents;
    private final Clock clock;
    private final long inlineAuditBytes;

    @Inject
    public ComplianceApi(
            ErasureService erasure,
            AdverseImpactService reports,
            AuditExporter audit,
            DocumentStore documents,
            Clock clock) {
        this(erasure, reports, audit, documents, clock, INLINE_AUDIT_BYTES);
    }

    /** With another largest inline answer (tests). */
    public ComplianceApi(
            ErasureService erasure,
            AdverseImpactService reports,
            AuditExporter audit,
            DocumentStore documents,
            Clock clock,
            long inlineAuditBytes) {
        this.erasure = erasure;
        this.reports = reports;
        this.audit = audit;
        this.documents = documents;
        this.clock = clock;
        this.inlineAuditBytes = inlineAuditBytes;
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
        Range range = Range.parse(
                request.query("from").orElse(null), request.query("to").orElse(null));
        String format = request.query("format").orElse("json").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            throw ProblemException.invalid("invalid_format", "format must be json or csv");
        }
        AdverseImpactReport.Result report =
                reports.report(request.query("job_id").orElse(null), range.from(), range.to());
        JsonLog.info(
                "report.adverse_impact",
                Map.of("job_id", String.valueOf(report.jobId()), "results", report.results(), "format", format));
        return format.equals("csv")
                ? ApiResponse.text(CSV, AdverseImpactViews.csv(report))
                : ApiResponse.ok(AdverseImpactViews.json(report));
    }

    /** The export is written to a temporary file first, so memory stays bounded whatever its size. */
    ApiResponse audit(ApiRequest request) {
        Range range = Range.parse(
                request.query("from").orElse(null), request.query("to").orElse(null));
        try {
            return audit(range);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiResponse audit(Range range) throws IOException {
        Path file = Files.createTempFile("audit-", ".ndjson");
        try {
            AuditExporter.Counts counts;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                counts = audit.export(range.from(), range.to(), out);
            }
            long bytes = Files.size(file);
            if (bytes <= inlineAuditBytes) {
                return ApiResponse.text(NDJSON, Files.readString(file, StandardCharsets.UTF_8));
            }
            String key = Contract.get().prefix("exports") + "audit/"
                    + Timestamps.format(clock.instant()).replace(':', '-') + ".ndjson";
            try (InputStream in = Files.newInputStream(file)) {
                documents.putStream(key, in, NDJSON);
            }
            URI download = documents.temporaryUrl(key, DOWNLOAD_LIFETIME);
            JsonLog.info(
                    "audit.stored",
                    Map.of("bytes", bytes, "decisions", counts.decisions(), "reviews", counts.reviews()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("url", download.toString());
            body.put("expires_at", Timestamps.format(clock.instant().plus(DOWNLOAD_LIFETIME)));
            body.put("bytes", bytes);
            body.put("decisions", counts.decisions());
            body.put("reviews", counts.reviews());
            return ApiResponse.json(303, body).withHeader("location", download.toString());
        } finally {
            Files.deleteIfExists(file);
        }
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
                    return Timestamps.format((end ? date.plusDays(1) : date)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant());
                }
                return Timestamps.format(Instant.parse(value));
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(
                        "invalid_" + name,
                        name + " must be a date (YYYY-MM-DD) or an ISO instant (2026-11-26T00:00:00Z)");
            }
        }
    }
}
