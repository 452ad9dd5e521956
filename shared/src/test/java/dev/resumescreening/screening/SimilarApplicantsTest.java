package dev.resumescreening.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.ports.ScoringModel;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A resume's score is blended with the scores of the job's earlier applicants whose resumes are most like it. */
class SimilarApplicantsTest {
    private static final ScoringModel MODEL = SimilarityModel.forEmbedder(LexicalEmbedder.NAME);
    private static final TermVector JOB = LexicalEmbedder.vectorOf(
            "Cost accountant for a manufacturing plant: product costing, standard costs, variance analysis, month-end"
                    + " close, journals, balance sheet reconciliations, budgets and forecasts");
    /** An accountant who wrote more about the plant she worked in than about accounting. */
    private static final TermVector PLANT_ACCOUNTANT = LexicalEmbedder.vectorOf(
            "Accountant at a metal parts plant. Worked beside production managers on the shop floor, machining lines,"
                    + " tooling and maintenance schedules; kept the general ledger, accounts payable and payroll");

    @Test
    void aJobWithFewerEarlierApplicantsThanNeighboursScoresTheResumeAlone() {
        List<TermVector> applicants = accountants(SimilarApplicants.NEIGHBOURS - 1);

        SimilarApplicants.Blend blend = SimilarApplicants.blend(MODEL, "job-1", PLANT_ACCOUNTANT, JOB, applicants);

        double own = MODEL.probability("job-1", PLANT_ACCOUNTANT, JOB);
        assertEquals(own, blend.probability(), 1e-12);
        assertEquals(own, blend.own(), 1e-12);
        assertEquals(0, blend.neighbours());
        assertTrue(Double.isNaN(blend.neighbourMean()));
    }

    @Test
    void applicantsSharingNoTermWithTheResumeAreNotItsNeighbours() {
        List<TermVector> applicants = new ArrayList<>(accountants(SimilarApplicants.NEIGHBOURS - 1));
        for (int i = 0; i < 2 * SimilarApplicants.NEIGHBOURS; i++) {
            applicants.add(LexicalEmbedder.vectorOf("Barista: espresso, latte art, opening the cafe"));
        }
        applicants.add(TermVector.EMPTY);

        SimilarApplicants.Blend blend = SimilarApplicants.blend(MODEL, "job-1", PLANT_ACCOUNTANT, JOB, applicants);

        assertEquals(0, blend.neighbours(), "nine applicants like it: it is scored alone");
        assertEquals(MODEL.probability("job-1", PLANT_ACCOUNTANT, JOB), blend.probability(), 1e-12);
    }

    @Test
    void theMostSimilarApplicantsAreBlendedInHalfAndHalf() {
        List<TermVector> accountants = accountants(SimilarApplicants.NEIGHBOURS);
        List<TermVector> applicants = new ArrayList<>(engineers(3 * SimilarApplicants.NEIGHBOURS));
        applicants.addAll(SimilarApplicants.NEIGHBOURS, accountants);

        SimilarApplicants.Blend blend = SimilarApplicants.blend(MODEL, "job-1", PLANT_ACCOUNTANT, JOB, applicants);

        double accountantsMean = accountants.stream()
                .mapToDouble(a -> MODEL.probability("job-1", a, JOB))
                .average()
                .orElseThrow();
        double own = MODEL.probability("job-1", PLANT_ACCOUNTANT, JOB);
        assertEquals(SimilarApplicants.NEIGHBOURS, blend.neighbours());
        assertEquals(
                accountantsMean, blend.neighbourMean(), 1e-12, "the accountants are the nearest, not the engineers");
        assertEquals(
                (1 - SimilarApplicants.SHARE) * own + SimilarApplicants.SHARE * accountantsMean,
                blend.probability(),
                1e-12);
        assertTrue(blend.probability() > own, "an accountant among accountants rises for an accountant's job");
    }

    @Test
    void anEngineerAmongEngineersIsNotRaisedByTheJobsAccountants() {
        List<TermVector> applicants = new ArrayList<>(accountants(SimilarApplicants.NEIGHBOURS));
        applicants.addAll(engineers(SimilarApplicants.NEIGHBOURS));
        TermVector engineer = LexicalEmbedder.vectorOf(
                "Manufacturing engineer: machining lines, tooling design, lean production, maintenance planning");

        SimilarApplicants.Blend blend = SimilarApplicants.blend(MODEL, "job-1", engineer, JOB, applicants);

        double engineersMean = engineers(SimilarApplicants.NEIGHBOURS).stream()
                .mapToDouble(e -> MODEL.probability("job-1", e, JOB))
                .average()
                .orElseThrow();
        assertEquals(engineersMean, blend.neighbourMean(), 1e-12);
    }

    @Test
    void aJobsApplicantsAreReadOnceWithinTheCacheTimeAndAgainAfterIt() {
        MovableClock clock = new MovableClock();
        List<TermVector> stored = new ArrayList<>(accountants(SimilarApplicants.NEIGHBOURS - 1));
        AtomicInteger reads = new AtomicInteger();
        SimilarApplicants similar = new SimilarApplicants(repository(stored, reads), clock);

        assertEquals(0, similar.score(MODEL, "job-1", PLANT_ACCOUNTANT, JOB).neighbours(), "nine earlier applicants");
        similar.joined("job-1", accountants(SimilarApplicants.NEIGHBOURS).get(SimilarApplicants.NEIGHBOURS - 1));
        assertEquals(
                SimilarApplicants.NEIGHBOURS,
                similar.score(MODEL, "job-1", PLANT_ACCOUNTANT, JOB).neighbours(),
                "this container's own upload joined its cached applicants");
        assertEquals(1, reads.get());

        stored.clear();
        clock.advance(JobService.CACHE_TTL.plusSeconds(1));
        assertEquals(
                0,
                similar.score(MODEL, "job-1", PLANT_ACCOUNTANT, JOB).neighbours(),
                "erased applicants stop counting once the cache is read again");
        assertEquals(2, reads.get());
    }

    private static List<TermVector> accountants(int count) {
        return numbered(
                count,
                i -> "Accountant " + i + " at a metal parts plant: general ledger, accounts payable,"
                        + " payroll, month-end close, journals and reconciliations; shop floor cost reviews");
    }

    private static List<TermVector> engineers(int count) {
        return numbered(
                count,
                i -> "Engineer " + i + ": machining lines, tooling design, lean production,"
                        + " maintenance planning and production schedules on the shop floor");
    }

    /** {@code count} resume vectors, the i-th of {@code text.apply(i)}. */
    private static List<TermVector> numbered(int count, IntFunction<String> text) {
        return IntStream.range(0, count)
                .mapToObj(i -> LexicalEmbedder.vectorOf(text.apply(i)))
                .toList();
    }

    /** Answers {@code forEachResumeVector} with {@code stored}, counting the reads; nothing else is called. */
    private static ResultRepository repository(List<TermVector> stored, AtomicInteger reads) {
        return (ResultRepository) Proxy.newProxyInstance(
                ResultRepository.class.getClassLoader(),
                new Class<?>[] {ResultRepository.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("forEachResumeVector")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    reads.incrementAndGet();
                    @SuppressWarnings("unchecked")
                    Consumer<TermVector> consumer = (Consumer<TermVector>) args[2];
                    stored.stream().limit((int) args[1]).forEach(consumer);
                    return null;
                });
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T10:00:00Z");

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
