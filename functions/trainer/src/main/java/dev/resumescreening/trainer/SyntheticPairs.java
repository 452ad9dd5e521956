package dev.resumescreening.trainer;

import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.model.TrainingSet;
import dev.resumescreening.model.UnreviewedResume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Labelled pairs of jobs {@code job-0..}, with L2-normalised embeddings (dense, as term vectors) for tests and the benchmark: each resume is
 * {@code normalise(a * job + sqrt(1 - a^2) * noise)}, so its cosine with the job is about {@code a}; shortlisted pairs
 * draw {@code a} from {@code [matchLow, matchHigh]}, rejected ones from {@code [0, mismatchHigh]}.
 */
public final class SyntheticPairs {

    private SyntheticPairs() {}

    /** Separable by cosine: shortlisted a in [0.45, 0.85], rejected a in [0, 0.35]. */
    public static List<TrainingSample> separable(int count, int dimension, double positiveRate, long seed) {
        return generate(count, dimension, positiveRate, 0.45, 0.85, 0.35, seed);
    }

    public static List<TrainingSample> generate(
            int count,
            int dimension,
            double positiveRate,
            double matchLow,
            double matchHigh,
            double mismatchHigh,
            long seed) {
        return generate(count, 0, dimension, positiveRate, matchLow, matchHigh, mismatchHigh, seed)
                .reviewed();
    }

    /** As {@link #generate}, and {@code unreviewedPerJob} more resumes of each job, drawn the same way, unlabelled. */
    public static TrainingSet generate(
            int count,
            int unreviewedPerJob,
            int dimension,
            double positiveRate,
            double matchLow,
            double matchHigh,
            double mismatchHigh,
            long seed) {
        Random random = new Random(seed);
        int jobs = Math.max(1, count / 10);
        float[][] jobVectors = new float[jobs][];
        for (int j = 0; j < jobs; j++) {
            jobVectors[j] = randomUnit(dimension, random);
        }
        List<TrainingSample> out =
                pairs(count, dimension, positiveRate, matchLow, matchHigh, mismatchHigh, jobVectors, random);
        List<UnreviewedResume> unreviewed = new ArrayList<>();
        for (TrainingSample sample : pairs(
                unreviewedPerJob * jobs,
                dimension,
                positiveRate,
                matchLow,
                matchHigh,
                mismatchHigh,
                jobVectors,
                random)) {
            unreviewed.add(new UnreviewedResume("u" + sample.id(), sample.jobId(), sample.resume(), sample.job()));
        }
        return new TrainingSet(out, unreviewed);
    }

    private static List<TrainingSample> pairs(
            int count,
            int dimension,
            double positiveRate,
            double matchLow,
            double matchHigh,
            double mismatchHigh,
            float[][] jobVectors,
            Random random) {
        int jobs = jobVectors.length;
        List<TrainingSample> out = new ArrayList<>(count);
        int positives = (int) Math.round(count * positiveRate);
        for (int i = 0; i < count; i++) {
            int label = i < positives ? 1 : 0;
            int jobIndex = random.nextInt(jobs);
            float[] job = jobVectors[jobIndex];
            double a = label == 1
                    ? matchLow + (matchHigh - matchLow) * random.nextDouble()
                    : mismatchHigh * random.nextDouble();
            float[] noise = randomUnit(dimension, random);
            // make the noise orthogonal to the job so the cosine is exactly a
            double dot = 0;
            for (int k = 0; k < dimension; k++) {
                dot += noise[k] * job[k];
            }
            float[] resume = new float[dimension];
            for (int k = 0; k < dimension; k++) {
                resume[k] = (float) (noise[k] - dot * job[k]);
            }
            normalise(resume);
            double b = Math.sqrt(1 - a * a);
            for (int k = 0; k < dimension; k++) {
                resume[k] = (float) (a * job[k] + b * resume[k]);
            }
            normalise(resume);
            out.add(new TrainingSample("s" + i, "job-" + jobIndex, terms(resume), terms(job), label));
        }
        // interleave labels deterministically so order carries no signal
        java.util.Collections.shuffle(out, random);
        return out;
    }

    /** The dense vector as a term vector over indices 0..d-1. */
    static TermVector terms(float[] dense) {
        Map<Integer, Double> weights = new HashMap<>();
        for (int k = 0; k < dense.length; k++) {
            weights.put(k, (double) dense[k]);
        }
        return TermVector.normalised(weights, dense.length);
    }

    static float[] randomUnit(int dimension, Random random) {
        float[] v = new float[dimension];
        for (int k = 0; k < dimension; k++) {
            v[k] = (float) random.nextGaussian();
        }
        normalise(v);
        return v;
    }

    static void normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (v[k] / norm);
        }
    }
}
