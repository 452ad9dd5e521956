package dev.resumescreening.domain;

import java.util.List;

/**
 * Why a resume scored as it did, in words a reviewer reads: the job's requirement terms (words and phrases of its
 * title and description) found in the resume's redacted text, strongest contribution first, and the most important
 * ones missing from it; and {@code jobScale}, what the job's cosines were multiplied by when the resume was scored
 * (raised when the job's applicants match it less than the typical applicant; 1 for results screened before jobs were
 * scaled), so that a score can be reproduced from the result.
 */
public record Explanation(List<String> found, List<String> missing, double jobScale) {
    public Explanation {
        found = List.copyOf(found);
        missing = List.copyOf(missing);
        if (!(jobScale > 0) || Double.isInfinite(jobScale)) {
            throw new IllegalArgumentException("job scale must be positive and finite, was " + jobScale);
        }
    }

    /** This explanation of a resume scored with the job's cosines multiplied by {@code scale}. */
    public Explanation withJobScale(double scale) {
        return new Explanation(found, missing, scale);
    }
}
