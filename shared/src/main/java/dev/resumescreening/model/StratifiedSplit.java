package dev.resumescreening.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Deterministic stratified train / validation / test split of sample indices.
 *
 * <p>Each label's indices are shuffled with a {@link Random} seeded from {@code seed} (labels visited in ascending
 * order) and cut by the fractions, so every part keeps the class ratio up to rounding. For a class with at least three
 * samples every part with a positive fraction gets at least one of them; with two, train and test get one each; with
 * one, train gets it. The returned index arrays are sorted ascending.
 */
public record StratifiedSplit(int[] train, int[] validation, int[] test) {

    public StratifiedSplit {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    public static StratifiedSplit of(
            int[] labels, double trainFraction, double validationFraction, double testFraction, long seed) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (!(trainFraction > 0)
                || !(validationFraction >= 0)
                || !(testFraction >= 0)
                || Math.abs(trainFraction + validationFraction + testFraction - 1.0) > 1e-6) {
            throw new IllegalArgumentException(
                    "fractions must be train > 0, validation >= 0, test >= 0 and sum to 1; got " + trainFraction + "/"
                            + validationFraction + "/" + testFraction);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> indices : shuffledByLabel(labels, seed)) {
            int n = indices.size();
            int[] counts = counts(n, validationFraction, testFraction);
            int nVal = counts[0];
            int nTest = counts[1];
            test.addAll(indices.subList(0, nTest));
            validation.addAll(indices.subList(nTest, nTest + nVal));
            train.addAll(indices.subList(nTest + nVal, n));
        }
        return new StratifiedSplit(sorted(train), sorted(validation), sorted(test));
    }

    /**
     * The indices of each label (labels in ascending order), each list shuffled by one {@link Random} seeded with
     * {@code seed}: the per-class order that the split and {@code CrossValidation}'s folds deal from.
     */
    static Collection<List<Integer>> shuffledByLabel(int[] labels, long seed) {
        TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        for (List<Integer> indices : byLabel.values()) {
            // Collections.shuffle's algorithm is specified, but spell it out so the split never changes under us.
            for (int i = indices.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer tmp = indices.get(i);
                indices.set(i, indices.get(j));
                indices.set(j, tmp);
            }
        }
        return byLabel.values();
    }

    /** {validation, test} counts for a class of {@code n} samples. */
    static int[] counts(int n, double validationFraction, double testFraction) {
        int nVal = (int) Math.round(n * validationFraction);
        int nTest = (int) Math.round(n * testFraction);
        if (n >= 3) {
            if (validationFraction > 0 && nVal == 0) {
                nVal = 1;
            }
            if (testFraction > 0 && nTest == 0) {
                nTest = 1;
            }
            // train keeps at least one
            while (nVal + nTest > n - 1) {
                if (nVal >= nTest && nVal > (validationFraction > 0 ? 1 : 0)) {
                    nVal--;
                } else if (nTest > (testFraction > 0 ? 1 : 0)) {
                    nTest--;
                } else {
                    nVal--;
                }
            }
        } else if (n == 2) {
            nVal = 0;
            nTest = testFraction > 0 ? 1 : 0;
        } else {
            nVal = 0;
            nTest = 0;
        }
        return new int[] {nVal, nTest};
    }

    private static int[] sorted(List<Integer> list) {
        int[] a = list.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StratifiedSplit s
                && Arrays.equals(train, s.train)
                && Arrays.equals(validation, s.validation)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(validation)) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "StratifiedSplit[train=" + train.length + ", validation=" + validation.length + ", test=" + test.length
                + "]";
    }
}
