package dev.resumescreening.api;

import dev.resumescreening.compliance.AdverseImpactReport;
import dev.resumescreening.compliance.AdverseImpactReport.Category;
import dev.resumescreening.compliance.AdverseImpactReport.Dimension;
import dev.resumescreening.compliance.AdverseImpactReport.Rate;
import dev.resumescreening.compliance.AdverseImpactReport.Section;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The adverse-impact report as JSON (snake_case, rates to 4 decimals, never NaN) and as CSV. */
public final class AdverseImpactViews {
    static final String[] CSV_HEADER = {
        "decisions",
        "dimension",
        "category",
        "applicants",
        "share",
        "below_2_percent",
        "selected",
        "selection_rate",
        "impact_ratio",
        "below_four_fifths",
        "p_value",
        "scored",
        "scored_above_median",
        "scoring_rate",
        "scoring_impact_ratio",
        "scoring_below_four_fifths",
        "scoring_p_value"
    };

    private AdverseImpactViews() {}

    public static Map<String, Object> json(AdverseImpactReport.Result report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job_id", report.jobId());
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("from", report.from());
        range.put("to", report.to());
        range.put("first_result_at", report.firstResultAt());
        range.put("last_result_at", report.lastResultAt());
        view.put("date_range", range);
        view.put("model_versions", report.modelVersions());
        view.put("results", report.results());
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("four_fifths_threshold", AdverseImpactReport.FOUR_FIFTHS);
        method.put("small_category_share", AdverseImpactReport.SMALL_CATEGORY_SHARE);
        method.put("significance_test", "pooled two-proportion z-test, two-sided, against the highest-rate category");
        method.put("significance_level", AdverseImpactReport.SIGNIFICANCE_LEVEL);
        method.put("scoring_rate", "share of scored results above the median score of all scored results in range");
        view.put("method", method);
        view.put("ai", section(report.ai()));
        view.put("human", section(report.human()));
        return view;
    }

    private static Map<String, Object> section(Section section) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("decided", section.decided());
        view.put("not_decided", section.undecided());
        if (section.decisions().equals("ai")) {
            view.put("scored", section.scored());
            view.put("median_score", section.medianScore());
        }
        for (Dimension dimension : section.dimensions()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("known", dimension.known());
            d.put("excluded_unknown", dimension.excludedUnknown());
            d.put("excluded_declined", dimension.excludedDeclined());
            d.put("selection_reference", dimension.selectionReference());
            if (section.decisions().equals("ai")) {
                d.put("scoring_reference", dimension.scoringReference());
            }
            d.put("messages", dimension.messages());
            List<Map<String, Object>> categories = new ArrayList<>();
            for (Category category : dimension.categories()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("category", category.name());
                c.put("applicants", category.applicants());
                c.put("share", round(category.share()));
                c.put("below_2_percent", category.belowTwoPercent());
                rate(c, "selection", category.selection(), "selected");
                if (category.scoring() != null) {
                    rate(c, "scoring", category.scoring(), "scored_above_median");
                }
                categories.add(c);
            }
            d.put("categories", categories);
            view.put(dimension.name(), d);
        }
        return view;
    }

    private static void rate(Map<String, Object> view, String kind, Rate rate, String hitsName) {
        if (kind.equals("scoring")) {
            view.put("scored", rate.total());
        }
        view.put(hitsName, rate.hits());
        view.put(kind + "_rate", round(rate.rate()));
        view.put(kind + "_impact_ratio", round(rate.impactRatio()));
        view.put(kind + "_below_four_fifths", rate.flagged());
        view.put(kind + "_p_value", pValue(rate.pValue()));
    }

    /** p-values to 6 decimals. */
    static Double pValue(Double value) {
        return value == null || value.isNaN() ? null : Math.round(value * 1e6) / 1e6;
    }

    static Double round(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : Math.round(value * 10_000) / 10_000.0;
    }

    public static String csv(AdverseImpactReport.Result report) {
        StringWriter out = new StringWriter();
        String about = "adverse-impact report; job " + (report.jobId() == null ? "all" : report.jobId())
                + "; " + dateRange(report.from(), report.to()) + "; model versions "
                + (report.modelVersions().isEmpty() ? "none" : String.join(" ", report.modelVersions()))
                + "; results " + report.results();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(CSV_HEADER)
                .setCommentMarker('#')
                .setHeaderComments(about)
                .build();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Section section : List.of(report.ai(), report.human())) {
                for (Dimension dimension : section.dimensions()) {
                    for (Category c : dimension.categories()) {
                        Rate s = c.selection();
                        Rate r = c.scoring();
                        printer.printRecord(
                                section.decisions(),
                                dimension.name(),
                                c.name(),
                                c.applicants(),
                                round(c.share()),
                                c.belowTwoPercent(),
                                s.hits(),
                                round(s.rate()),
                                round(s.impactRatio()),
                                s.flagged(),
                                pValue(s.pValue()),
                                r == null ? null : r.total(),
                                r == null ? null : r.hits(),
                                r == null ? null : round(r.rate()),
                                r == null ? null : round(r.impactRatio()),
                                r == null ? null : r.flagged(),
                                r == null ? null : pValue(r.pValue()));
                    }
                    printCount(printer, section, dimension, "excluded_unknown", dimension.excludedUnknown());
                    printCount(printer, section, dimension, "excluded_declined", dimension.excludedDeclined());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The range of creation times as people read it: {@code to} is exclusive, and either end may be open. */
    static String dateRange(String from, String to) {
        if (from == null && to == null) {
            return "all dates";
        }
        if (to == null) {
            return "from " + from + " on";
        }
        return from == null ? "before " + to : "from " + from + " to " + to;
    }

    /** A row that only counts (the candidates left out): the figures' columns stay empty. */
    private static void printCount(CSVPrinter printer, Section section, Dimension dimension, String what, long count)
            throws IOException {
        Object[] row = new Object[CSV_HEADER.length];
        row[0] = section.decisions();
        row[1] = dimension.name();
        row[2] = what;
        row[3] = count;
        printer.printRecord(row);
    }
}
