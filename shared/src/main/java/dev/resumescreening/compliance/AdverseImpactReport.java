package dev.resumescreening.compliance;

import dev.resumescreening.domain.Decision;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The adverse-impact (disparate-impact) analysis of one set of screening results, for the AI's decisions and for the
 * reviewers' decisions separately, by sex, by race/ethnicity and by their intersection (EEO-1 categories):
 *
 * <ul>
 *   <li>selection rate of each category (shortlisted / decided);</li>
 *   <li>for the AI, which scores, the scoring rate as NYC Local Law 144 defines it: the share of a category's scored
 *       results that score above the median of all scored results in the range;</li>
 *   <li>impact ratio: a category's rate over the highest rate among the compared categories; below 0.8 is flagged
 *       (the four-fifths rule), with the p-value of a pooled two-proportion z-test (two-sided) against that highest
 *       category, because small groups cross 0.8 by chance;</li>
 *   <li>candidates whose category is unknown (no answer) or declined are counted and left out; categories with less
 *       than 2% of the known candidates are marked and left out of the ratios (LL144 allows it).</li>
 * </ul>
 *
 * Every figure is a number or null: an empty range, a single group, nobody selected or everybody declined give a
 * message and nulls, never a division by zero.
 */
public final class AdverseImpactReport {
    public static final double FOUR_FIFTHS = 0.8;
    public static final double SMALL_CATEGORY_SHARE = 0.02;
    public static final double SIGNIFICANCE_LEVEL = 0.05;
    static final String UNKNOWN = "unknown";

    /** One screening result as the report sees it: no name, no text, only decisions, score and the answers. */
    public record Row(
            String resultId,
            String createdAt,
            String modelVersion,
            Double score,
            Decision aiDecision,
            Decision humanDecision,
            SelfIdentification selfIdentification) {}

    /** The rate of one category and how it compares with the reference (highest-rate) category. */
    public record Rate(long total, long hits, Double rate, Double impactRatio, boolean flagged, Double pValue) {}

    /** One category of one dimension. */
    public record Category(
            String name, long applicants, double share, boolean belowTwoPercent, Rate selection, Rate scoring) {}

    /** One dimension (sex, race/ethnicity, intersection) for one kind of decision. */
    public record Dimension(
            String name,
            long known,
            long excludedUnknown,
            long excludedDeclined,
            String selectionReference,
            String scoringReference,
            List<Category> categories,
            List<String> messages) {}

    /** The AI's or the reviewers' decisions. */
    public record Section(
            String decisions,
            long decided,
            long undecided,
            Double medianScore,
            long scored,
            List<Dimension> dimensions) {}

    public record Result(
            String jobId,
            String from,
            String to,
            long results,
            String firstResultAt,
            String lastResultAt,
            List<String> modelVersions,
            Section ai,
            Section human) {}

    private AdverseImpactReport() {}

    public static Result compute(String jobId, String from, String to, Collection<Row> rows) {
        TreeSet<String> versions = new TreeSet<>();
        String first = null;
        String last = null;
        for (Row row : rows) {
            if (row.modelVersion() != null) {
                versions.add(row.modelVersion());
            }
            if (row.createdAt() != null) {
                first = first == null || row.createdAt().compareTo(first) < 0 ? row.createdAt() : first;
                last = last == null || row.createdAt().compareTo(last) > 0 ? row.createdAt() : last;
            }
        }
        List<Double> scores =
                rows.stream().map(Row::score).filter(s -> s != null).sorted().toList();
        Double median = median(scores);
        List<Row> aiDecided = rows.stream()
                .filter(r -> r.aiDecision() == Decision.SHORTLIST || r.aiDecision() == Decision.REJECT)
                .toList();
        List<Row> humanDecided =
                rows.stream().filter(r -> r.humanDecision() != null).toList();
        Section ai = section("ai", aiDecided, rows.size() - aiDecided.size(), Row::aiDecision, median, scores.size());
        Section human = section("human", humanDecided, rows.size() - humanDecided.size(), Row::humanDecision, null, 0);
        return new Result(jobId, from, to, rows.size(), first, last, List.copyOf(versions), ai, human);
    }

    /** The median of sorted values (mean of the middle two for an even count), null for none. */
    static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Section section(
            String kind,
            List<Row> decided,
            long undecided,
            Function<Row, Decision> decision,
            Double median,
            long scored) {
        List<Dimension> dimensions = new ArrayList<>();
        dimensions.add(dimension("sex", decided, decision, median, AdverseImpactReport::sex));
        dimensions.add(dimension("race_ethnicity", decided, decision, median, AdverseImpactReport::race));
        dimensions.add(dimension("intersection", decided, decision, median, AdverseImpactReport::intersection));
        return new Section(kind, decided.size(), undecided, median, scored, dimensions);
    }

    static String sex(Row row) {
        SelfIdentification answers = row.selfIdentification();
        return answers == null || answers.sex() == null ? UNKNOWN : answers.sexCode();
    }

    static String race(Row row) {
        SelfIdentification answers = row.selfIdentification();
        return answers == null || answers.raceEthnicity() == null ? UNKNOWN : answers.raceEthnicityCode();
    }

    static String intersection(Row row) {
        String sex = sex(row);
        String race = race(row);
        if (sex.equals(UNKNOWN) || race.equals(UNKNOWN)) {
            return UNKNOWN;
        }
        if (sex.equals(SelfIdentification.DECLINED) || race.equals(SelfIdentification.DECLINED)) {
            return SelfIdentification.DECLINED;
        }
        return sex + "/" + race;
    }

    private static final class Counts {
        long applicants;
        long selected;
        long scored;
        long aboveMedian;
    }

    private static Dimension dimension(
            String name,
            List<Row> decided,
            Function<Row, Decision> decision,
            Double median,
            Function<Row, String> categoryOf) {
        long unknown = 0;
        long declined = 0;
        Map<String, Counts> byCategory = new LinkedHashMap<>();
        for (String category : order(name)) {
            byCategory.put(category, new Counts());
        }
        for (Row row : decided) {
            String category = categoryOf.apply(row);
            if (category.equals(UNKNOWN)) {
                unknown++;
                continue;
            }
            if (category.equals(SelfIdentification.DECLINED)) {
                declined++;
                continue;
            }
            Counts counts = byCategory.computeIfAbsent(category, c -> new Counts());
            counts.applicants++;
            if (decision.apply(row) == Decision.SHORTLIST) {
                counts.selected++;
            }
            if (median != null && row.score() != null) {
                counts.scored++;
                if (row.score() > median) {
                    counts.aboveMedian++;
                }
            }
        }
        byCategory.values().removeIf(c -> c.applicants == 0);
        long known = byCategory.values().stream().mapToLong(c -> c.applicants).sum();
        List<String> messages = new ArrayList<>();
        if (decided.isEmpty()) {
            messages.add("no decisions in the range: nothing to compare");
        } else if (known == 0) {
            messages.add("every candidate's category is unknown or declined: nothing to compare");
        }
        // categories under 2% of the known candidates are marked and left out of the comparison
        Map<String, Boolean> compared = new LinkedHashMap<>();
        byCategory.forEach((category, counts) ->
                compared.put(category, (double) counts.applicants / known >= SMALL_CATEGORY_SHARE));
        List<String> comparedNames = compared.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .toList();
        if (comparedNames.size() == 1) {
            messages.add("only one group (" + comparedNames.get(0) + ") to compare: impact ratios need two or more");
        }
        String selectionReference = reference(byCategory, comparedNames, c -> c.applicants, c -> c.selected);
        String scoringReference =
                median == null ? null : reference(byCategory, comparedNames, c -> c.scored, c -> c.aboveMedian);
        if (selectionReference != null && byCategory.get(selectionReference).selected == 0) {
            messages.add("no one in the compared groups was selected: impact ratios of selection are undefined");
        }
        if (scoringReference != null && byCategory.get(scoringReference).aboveMedian == 0) {
            messages.add(
                    "no one in the compared groups scored above the median: impact ratios of scoring are undefined");
        }
        List<Category> categories = new ArrayList<>();
        byCategory.forEach((category, counts) -> {
            boolean inComparison = compared.get(category);
            Counts selectionRef = selectionReference == null ? null : byCategory.get(selectionReference);
            Counts scoringRef = scoringReference == null ? null : byCategory.get(scoringReference);
            Rate selection = rate(
                    counts.applicants,
                    counts.selected,
                    inComparison,
                    category.equals(selectionReference),
                    selectionRef == null ? 0 : selectionRef.applicants,
                    selectionRef == null ? 0 : selectionRef.selected);
            Rate scoring = median == null
                    ? null
                    : rate(
                            counts.scored,
                            counts.aboveMedian,
                            inComparison,
                            category.equals(scoringReference),
                            scoringRef == null ? 0 : scoringRef.scored,
                            scoringRef == null ? 0 : scoringRef.aboveMedian);
            categories.add(new Category(
                    category,
                    counts.applicants,
                    (double) counts.applicants / known,
                    !inComparison,
                    selection,
                    scoring));
        });
        return new Dimension(
                name,
                known,
                unknown,
                declined,
                selectionReference,
                scoringReference,
                List.copyOf(categories),
                List.copyOf(messages));
    }

    /** The compared category with the highest rate (the first in category order on a tie), or null. */
    private static String reference(
            Map<String, Counts> byCategory,
            List<String> compared,
            Function<Counts, Long> total,
            Function<Counts, Long> hits) {
        String best = null;
        double bestRate = -1;
        for (String category : compared) {
            Counts counts = byCategory.get(category);
            long n = total.apply(counts);
            if (n == 0) {
                continue;
            }
            double rate = (double) hits.apply(counts) / n;
            if (rate > bestRate) {
                best = category;
                bestRate = rate;
            }
        }
        return best;
    }

    private static Rate rate(
            long total, long hits, boolean compared, boolean isReference, long referenceTotal, long referenceHits) {
        Double rate = total == 0 ? null : (double) hits / total;
        if (!compared || rate == null || referenceTotal == 0 || referenceHits == 0) {
            return new Rate(total, hits, rate, null, false, null);
        }
        double referenceRate = (double) referenceHits / referenceTotal;
        double ratio = rate / referenceRate;
        Double p = isReference ? null : Statistics.twoProportionPValue(hits, total, referenceHits, referenceTotal);
        return new Rate(total, hits, rate, ratio, ratio < FOUR_FIFTHS, p);
    }

    /** Categories in EEO-1 order, so tables read the same every time; intersections in the order they occur. */
    private static List<String> order(String dimension) {
        List<String> names = new ArrayList<>();
        if (dimension.equals("sex")) {
            for (SelfIdentification.Sex sex : SelfIdentification.Sex.values()) {
                if (sex != SelfIdentification.Sex.DECLINED) {
                    names.add(sex.code());
                }
            }
        } else if (dimension.equals("race_ethnicity")) {
            for (SelfIdentification.RaceEthnicity race : SelfIdentification.RaceEthnicity.values()) {
                if (race != SelfIdentification.RaceEthnicity.DECLINED) {
                    names.add(race.code());
                }
            }
        } else {
            for (String sex : order("sex")) {
                for (String race : order("race_ethnicity")) {
                    names.add(sex + "/" + race);
                }
            }
        }
        return names;
    }
}
