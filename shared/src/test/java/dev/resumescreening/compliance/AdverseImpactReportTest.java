package dev.resumescreening.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.api.AdverseImpactViews;
import dev.resumescreening.compliance.AdverseImpactReport.Category;
import dev.resumescreening.compliance.AdverseImpactReport.Dimension;
import dev.resumescreening.compliance.AdverseImpactReport.Result;
import dev.resumescreening.compliance.AdverseImpactReport.Row;
import dev.resumescreening.compliance.SelfIdentification.RaceEthnicity;
import dev.resumescreening.compliance.SelfIdentification.Sex;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report on small data sets whose figures are worked out by hand in the comments. */
class AdverseImpactReportTest {
    private static final double EPS = 1e-6;
    private static final SelfIdentification FEMALE_WHITE = new SelfIdentification(Sex.FEMALE, RaceEthnicity.WHITE);
    private static final SelfIdentification MALE_WHITE = new SelfIdentification(Sex.MALE, RaceEthnicity.WHITE);
    private static final SelfIdentification FEMALE_ASIAN = new SelfIdentification(Sex.FEMALE, RaceEthnicity.ASIAN);
    private static final SelfIdentification ALL_DECLINED = new SelfIdentification(Sex.DECLINED, RaceEthnicity.DECLINED);

    private final List<Row> rows = new ArrayList<>();

    private void add(SelfIdentification answers, double score, Decision ai, Decision human) {
        rows.add(new Row(
                "r" + rows.size(),
                "2026-11-" + (10 + rows.size() % 10) + "T10:00:00.000Z",
                rows.size() % 2 == 0 ? "0" : "auto-1",
                score,
                ai,
                human,
                answers));
    }

    /**
     * Ten women (AI shortlists 3: scores 90 85 80; rejects 7: 64 60 50 45 40 35 30), ten men (shortlists 6: 95 88 75
     * 70 65 62; rejects 4: 58 20 15 10), two without answers (99 shortlisted, 5 rejected), one who declined both
     * (77 shortlisted). Reviewers: women 5 of 8 shortlisted, men 4 of 8.
     */
    private Result twoSexes() {
        double[] womenShortlisted = {90, 85, 80};
        double[] womenRejected = {64, 60, 50, 45, 40, 35, 30};
        double[] menShortlisted = {95, 88, 75, 70, 65, 62};
        double[] menRejected = {58, 20, 15, 10};
        int reviewed = 0;
        for (double score : womenShortlisted) {
            add(FEMALE_WHITE, score, Decision.SHORTLIST, reviewed++ < 5 ? Decision.SHORTLIST : Decision.REJECT);
        }
        for (double score : womenRejected) {
            // reviews 4 and 5 shortlist (3 + 2 = 5 shortlisted), then 3 rejections, then 2 unreviewed: 8 reviewed
            Decision human = reviewed < 5 ? Decision.SHORTLIST : reviewed < 8 ? Decision.REJECT : null;
            reviewed++;
            add(FEMALE_WHITE, score, Decision.REJECT, human);
        }
        reviewed = 0;
        for (double score : menShortlisted) {
            add(MALE_WHITE, score, Decision.SHORTLIST, reviewed++ < 4 ? Decision.SHORTLIST : Decision.REJECT);
        }
        for (double score : menRejected) {
            // the last two shortlisted men were rejected by reviewers (2), and two rejected men confirmed: 8 reviewed
            add(MALE_WHITE, score, Decision.REJECT, reviewed++ < 8 ? Decision.REJECT : null);
        }
        add(null, 99, Decision.SHORTLIST, null);
        add(null, 5, Decision.REJECT, null);
        add(ALL_DECLINED, 77, Decision.SHORTLIST, null);
        return AdverseImpactReport.compute("job-1", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", rows);
    }

    @Test
    void selectionRatesImpactRatiosAndTheZTestBySex() {
        Result report = twoSexes();
        assertEquals(23, report.results());
        assertEquals(List.of("0", "auto-1"), report.modelVersions());
        assertEquals(23, report.ai().decided());
        Dimension sex = dimension(report.ai(), "sex");
        assertEquals(20, sex.known());
        assertEquals(2, sex.excludedUnknown());
        assertEquals(1, sex.excludedDeclined());
        assertEquals("male", sex.selectionReference());
        Category women = category(sex, "female");
        Category men = category(sex, "male");
        // women 3/10 = 0.3, men 6/10 = 0.6; ratio 0.3 / 0.6 = 0.5 < 0.8
        assertEquals(0.3, women.selection().rate(), EPS);
        assertEquals(0.6, men.selection().rate(), EPS);
        assertEquals(0.5, women.selection().impactRatio(), EPS);
        assertTrue(women.selection().flagged());
        assertEquals(1.0, men.selection().impactRatio(), EPS);
        assertFalse(men.selection().flagged());
        // pooled p = 9/20 = 0.45; se = sqrt(0.45 * 0.55 * (1/10 + 1/10)) = 0.222486; z = -0.3 / 0.222486 = -1.348400;
        // two-sided p = erfc(1.348400 / sqrt 2) = 0.177530
        assertEquals(0.177530, women.selection().pValue(), 1e-5);
        assertNull(men.selection().pValue());
        assertEquals(0.5, women.share(), EPS);
        assertFalse(women.belowTwoPercent());
    }

    @Test
    void scoringRateIsTheShareAboveTheMedianOfAllScoredResults() {
        Result report = twoSexes();
        // the 23 scores sorted: 5 10 15 20 30 35 40 45 50 58 60 62 | 64 ...; the 12th of 23 is 62
        assertEquals(62.0, report.ai().medianScore(), EPS);
        assertEquals(23, report.ai().scored());
        Dimension sex = dimension(report.ai(), "sex");
        Category women = category(sex, "female");
        Category men = category(sex, "male");
        // above 62: women 90 85 80 64 = 4 of 10; men 95 88 75 70 65 = 5 of 10 (62 is not above)
        assertEquals(4, women.scoring().hits());
        assertEquals(0.4, women.scoring().rate(), EPS);
        assertEquals(0.5, men.scoring().rate(), EPS);
        assertEquals("male", sex.scoringReference());
        // 0.4 / 0.5 = 0.8 exactly: on the line, not below it
        assertEquals(0.8, women.scoring().impactRatio(), EPS);
        assertFalse(women.scoring().flagged());
        // pooled 0.45, se 0.222486, z = -0.1 / 0.222486 = -0.449467, p = 0.653095
        assertEquals(0.653095, women.scoring().pValue(), 1e-5);
    }

    @Test
    void humanDecisionsAreReportedApart() {
        Result report = twoSexes();
        assertEquals(16, report.human().decided());
        assertEquals(7, report.human().undecided());
        assertNull(report.human().medianScore());
        Dimension sex = dimension(report.human(), "sex");
        // women 5/8 = 0.625 (the reference), men 4/8 = 0.5: ratio 0.8, not flagged
        assertEquals("female", sex.selectionReference());
        assertEquals(0.625, category(sex, "female").selection().rate(), EPS);
        assertEquals(0.8, category(sex, "male").selection().impactRatio(), EPS);
        assertFalse(category(sex, "male").selection().flagged());
        // pooled 9/16 = 0.5625; se = sqrt(0.5625 * 0.4375 * (1/8 + 1/8)) = 0.248039; z = -0.125 / 0.248039 = -0.503953
        assertEquals(0.614295, category(sex, "male").selection().pValue(), 1e-5);
        assertNull(category(sex, "male").scoring());
    }

    @Test
    void aSingleGroupIsSaidSoWithRatioOneAndNoTest() {
        Dimension race = dimension(twoSexes().ai(), "race_ethnicity");
        assertEquals(20, race.known());
        assertEquals(2, race.excludedUnknown());
        assertEquals(1, race.excludedDeclined());
        assertEquals(1, race.categories().size());
        Category white = category(race, "white");
        // 9 of 20 shortlisted
        assertEquals(0.45, white.selection().rate(), EPS);
        assertEquals(1.0, white.selection().impactRatio(), EPS);
        assertNull(white.selection().pValue());
        assertTrue(
                race.messages().stream().anyMatch(m -> m.contains("only one group")),
                race.messages().toString());
    }

    @Test
    void categoriesUnderTwoPercentAreMarkedAndLeftOutOfTheComparison() {
        // 60 known: women/white 29 (10 shortlisted), men/white 30 (15), women/asian 1 (shortlisted; 1/60 < 2%)
        for (int i = 0; i < 29; i++) {
            add(FEMALE_WHITE, 50, i < 10 ? Decision.SHORTLIST : Decision.REJECT, null);
        }
        for (int i = 0; i < 30; i++) {
            add(MALE_WHITE, 50, i < 15 ? Decision.SHORTLIST : Decision.REJECT, null);
        }
        add(FEMALE_ASIAN, 50, Decision.SHORTLIST, null);
        Result report = AdverseImpactReport.compute(null, null, null, rows);
        Dimension intersection = dimension(report.ai(), "intersection");
        Category asianWomen = category(intersection, "female/asian");
        assertTrue(asianWomen.belowTwoPercent());
        assertEquals(1.0 / 60, asianWomen.share(), EPS);
        assertNull(asianWomen.selection().impactRatio());
        // its rate (1.0) is the highest, but the reference is the highest compared group: men/white 15/30 = 0.5
        assertEquals("male/white", intersection.selectionReference());
        // women/white 10/29 = 0.344828, ratio 0.689655
        Category whiteWomen = category(intersection, "female/white");
        assertEquals(0.689655, whiteWomen.selection().impactRatio(), EPS);
        assertTrue(whiteWomen.selection().flagged());
        // pooled 25/59 = 0.423729; se = sqrt(0.423729 * 0.576271 * (1/29 + 1/30)) = 0.128684; z = -1.205843
        assertEquals(0.227878, whiteWomen.selection().pValue(), 1e-5);
        // by sex the asian woman counts with the women: 11/30 = 0.366667, ratio 0.733333
        Dimension sex = dimension(report.ai(), "sex");
        assertEquals(0.733333, category(sex, "female").selection().impactRatio(), EPS);
        assertFalse(category(sex, "female").belowTwoPercent());
        // by race, asian is under 2%: one compared group left
        Dimension race = dimension(report.ai(), "race_ethnicity");
        assertTrue(category(race, "asian").belowTwoPercent());
        assertTrue(race.messages().stream().anyMatch(m -> m.contains("only one group")));
    }

    @Test
    void noDataAllDeclinedAndNobodySelectedGiveMessagesNeverNaN() throws Exception {
        Result empty = AdverseImpactReport.compute("job-1", null, null, List.of());
        assertEquals(0, empty.results());
        assertNull(empty.ai().medianScore());
        Dimension sex = dimension(empty.ai(), "sex");
        assertEquals(List.of(), sex.categories());
        assertTrue(
                sex.messages().get(0).contains("no decisions"), sex.messages().toString());
        assertNoNaN(empty);

        add(ALL_DECLINED, 70, Decision.SHORTLIST, Decision.SHORTLIST);
        add(ALL_DECLINED, 20, Decision.REJECT, null);
        Result declined = AdverseImpactReport.compute("job-1", null, null, rows);
        Dimension declinedSex = dimension(declined.ai(), "sex");
        assertEquals(0, declinedSex.known());
        assertEquals(2, declinedSex.excludedDeclined());
        assertTrue(
                declinedSex.messages().get(0).contains("unknown or declined"),
                declinedSex.messages().toString());
        assertEquals(2, dimension(declined.ai(), "intersection").excludedDeclined());
        assertNoNaN(declined);

        rows.clear();
        add(FEMALE_WHITE, 10, Decision.REJECT, null);
        add(MALE_WHITE, 10, Decision.REJECT, null);
        add(null, 10, Decision.MANUAL_REVIEW, null);
        Result nobody = AdverseImpactReport.compute("job-1", null, null, rows);
        assertEquals(2, nobody.ai().decided());
        assertEquals(1, nobody.ai().undecided());
        Dimension nobodySex = dimension(nobody.ai(), "sex");
        assertNull(category(nobodySex, "female").selection().impactRatio());
        assertEquals(0.0, category(nobodySex, "female").selection().rate(), EPS);
        assertFalse(category(nobodySex, "female").selection().flagged());
        assertTrue(
                nobodySex.messages().stream().anyMatch(m -> m.contains("no one in the compared groups was selected")));
        assertNoNaN(nobody);
    }

    @Test
    void theCsvHasARowPerCategoryAndTheExclusions() {
        String csv = AdverseImpactViews.csv(twoSexes());
        assertTrue(csv.startsWith("# adverse-impact report; job job-1"), csv);
        assertTrue(
                csv.contains("\r\nai,sex,female,10,0.5,false,3,0.3,0.5,true,0.17753,10,4,0.4,0.8,false,0.653095"), csv);
        assertTrue(csv.contains("\r\nai,sex,excluded_unknown,2,"), csv);
        assertTrue(csv.contains("\r\nhuman,sex,male,8,0.5,false,4,0.5,0.8,false,0.614295"), csv);
    }

    @Test
    void theCsvCommentNamesTheDateRangeEvenWhenAnEndIsOpen() {
        assertTrue(AdverseImpactViews.csv(AdverseImpactReport.compute(null, null, null, rows))
                .startsWith("# adverse-impact report; job all; all dates; model versions none; results 0\r\n"));
        add(FEMALE_WHITE, 80, Decision.SHORTLIST, null);
        String from = "2026-11-01T00:00:00.000Z";
        String to = "2026-12-01T00:00:00.000Z";
        assertEquals(
                "# adverse-impact report; job all; all dates; model versions 0; results 1",
                AdverseImpactViews.csv(AdverseImpactReport.compute(null, null, null, rows))
                        .lines()
                        .findFirst()
                        .orElseThrow());
        assertTrue(AdverseImpactViews.csv(AdverseImpactReport.compute(null, from, null, rows))
                .contains("; from " + from + " on;"));
        assertTrue(AdverseImpactViews.csv(AdverseImpactReport.compute(null, null, to, rows))
                .contains("; before " + to + ";"));
        assertTrue(AdverseImpactViews.csv(AdverseImpactReport.compute(null, from, to, rows))
                .contains("; from " + from + " to " + to + ";"));
    }

    private static void assertNoNaN(Result report) {
        String json = Json.write(AdverseImpactViews.json(report));
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
    }

    private static Dimension dimension(AdverseImpactReport.Section section, String name) {
        return section.dimensions().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Category category(Dimension dimension, String name) {
        return dimension.categories().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no category " + name + " in " + dimension));
    }
}
