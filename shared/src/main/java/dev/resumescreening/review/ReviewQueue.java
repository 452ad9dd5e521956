package dev.resumescreening.review;

import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.ports.ResultRepository.QueuedResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What reviewers are asked about next: the unreviewed results closest to their threshold first, except that every
 * {@value #EXPLORATION_EVERY}th review (counted per job, or over all jobs for the unfiltered queue) starts with a
 * result picked from the whole range of scores, and that while the reviews (of the job, or of all jobs) fall outside
 * the guide's 40-60% band of shortlists, every other review starts with a result the model decided as the missing
 * class, picked from the whole range of scores on that side.
 *
 * <p>Why: reviews of near-threshold results alone are poor evidence for the candidate gate and poor prototypes for
 * the job feedback. On the real resumes, a candidate trained on 400 queue-picked reviews ranked held-out resumes
 * better than the live model by 0.015, yet looked no better on those reviews, because more feedback helps most with
 * the resumes far from the threshold, which the queue never asked about. And near the threshold of a short posting
 * (low similarity to every resume) most resumes are matches, on both sides of it: its first 50 queue reviews were
 * all shortlists, also when half of them were the model's rejects closest to the threshold, and a model cannot learn
 * a job from one class.
 */
@Singleton
public final class ReviewQueue {
    static final int EXPLORATION_EVERY = 5;
    /** Exploration picks start at a distance from the threshold drawn from [0, this), in score points. */
    static final double EXPLORATION_RANGE = 40;
    /**
     * Missing-class picks start at a distance drawn from [0, this): half the score scale, so that they reach the far
     * end of the class's side (a short posting's non-matches score that far below its threshold).
     */
    static final double MISSING_CLASS_RANGE = 50;
    /** Fewer reviews than this say too little about the balance to steer by it. */
    static final int BALANCE_AFTER = 10;
    /** How many queued results a missing-class pick looks through. */
    static final int BALANCE_WITHIN = 1_000;

    private final ResultRepository results;
    private final ReviewStore reviews;

    @Inject
    public ReviewQueue(ResultRepository results, ReviewStore reviews) {
        this.results = results;
        this.reviews = reviews;
    }

    /** Why a result is in the queue where it is. */
    public enum Pick {
        MOST_UNCERTAIN,
        EXPLORATION,
        MISSING_CLASS
    }

    /** A queued result and why it was picked. */
    public record Entry(QueuedResult queued, Pick pick) {}

    public List<Entry> next(String jobId, int limit) {
        List<QueuedResult> uncertain = results.reviewQueue(jobId, limit);
        if (uncertain.isEmpty()) {
            return List.of();
        }
        ReviewCounts.JobBalance balance = balance(jobId);
        QueuedResult mostUncertain = uncertain.get(0);
        Optional<Entry> first = explorationPick(jobId, balance.total(), mostUncertain)
                .map(queued -> new Entry(queued, Pick.EXPLORATION))
                .or(() -> missingClassPick(jobId, balance).map(queued -> new Entry(queued, Pick.MISSING_CLASS)));
        List<Entry> entries = new ArrayList<>();
        first.ifPresent(entries::add);
        for (QueuedResult queued : uncertain) {
            boolean picked = first.map(p -> p.queued()
                            .result()
                            .resultId()
                            .equals(queued.result().resultId()))
                    .orElse(false);
            if (!picked && entries.size() < limit) {
                entries.add(new Entry(queued, Pick.MOST_UNCERTAIN));
            }
        }
        return entries;
    }

    private Optional<QueuedResult> explorationPick(String jobId, long reviewed, QueuedResult mostUncertain) {
        if (reviewed % EXPLORATION_EVERY != EXPLORATION_EVERY - 1) {
            return Optional.empty();
        }
        return results.queuedFrom(jobId, explorationStart(reviewed), 2).stream()
                .filter(pick ->
                        !pick.result().resultId().equals(mostUncertain.result().resultId()))
                .findFirst();
    }

    private Optional<QueuedResult> missingClassPick(String jobId, ReviewCounts.JobBalance balance) {
        if (balance.total() < BALANCE_AFTER || balance.total() % 2 != 0) {
            return Optional.empty();
        }
        return ReviewBalance.missing(balance.positive(), balance.total())
                .flatMap(missing ->
                        results.firstDecidedFrom(jobId, missingClassStart(balance.total()), missing, BALANCE_WITHIN));
    }

    /** Deterministic for a review count, so the same state asks the same question. */
    public static double explorationStart(long reviewed) {
        return new SplittableRandom(reviewed).nextDouble(EXPLORATION_RANGE);
    }

    /** Deterministic for a review count, as {@link #explorationStart} is. */
    public static double missingClassStart(long reviewed) {
        return new SplittableRandom(reviewed).nextDouble(MISSING_CLASS_RANGE);
    }

    private ReviewCounts.JobBalance balance(String jobId) {
        if (jobId == null) {
            ReviewCounts counts = reviews.counts();
            return new ReviewCounts.JobBalance(null, counts.positiveSamples(), counts.negativeSamples());
        }
        return reviews.balance(jobId);
    }
}
