package dev.resumescreening.domain;

import java.util.List;

/**
 * Why a resume scored as it did, in words a reviewer reads: the job's requirement terms (words and phrases of its
 * title and description) found in the resume's redacted text, strongest contribution first, and the most important
 * ones missing from it. And how the score was made, so that it can be reproduced from the result: {@code jobScale},
 * what the job's cosines were multiplied by (above 1 when the job's applicants match it less than the typical
 * applicant, below when more; 1 for results screened before jobs were scaled); {@code ownScore}, the model's score of the resume alone
 * (null for results screened before scores were blended); {@code similarApplicants}, how many of the job's earlier
 * applicants most like the resume were blended into the score (0 when none were), {@code similarApplicantsScore},
 * their mean score (null when none were), and {@code similarApplicantsWeight}, that mean's share of the score (0 when
 * none were): the score is {@code (1 - weight) * ownScore + weight * similarApplicantsScore}.
 */
public record Explanation(
        List<String> found,
        List<String> missing,
        double jobScale,
        Double ownScore,
        int similarApplicants,
        Double similarApplicantsScore,
        double similarApplicantsWeight) {
    public Explanation {
        found = List.copyOf(found);
        missing = List.copyOf(missing);
        if (!(jobScale > 0) || Double.isInfinite(jobScale)) {
            throw new IllegalArgumentException("job scale must be positive and finite, was " + jobScale);
        }
        if (similarApplicants < 0 || (similarApplicants > 0) != (similarApplicantsScore != null)) {
            throw new IllegalArgumentException(
                    "similar applicants' mean score goes with their count, and only with it");
        }
        if (similarApplicants > 0
                ? !(similarApplicantsWeight > 0 && similarApplicantsWeight <= 1)
                : similarApplicantsWeight != 0) {
            throw new IllegalArgumentException(
                    "similar applicants' weight is in (0, 1] when any were blended, 0 when none were; was "
                            + similarApplicantsWeight);
        }
    }

    /** The terms alone: no score was blended, the job was not scaled. */
    public static Explanation ofTerms(List<String> found, List<String> missing) {
        return new Explanation(found, missing, 1.0, null, 0, null, 0);
    }

    /**
     * This explanation of a resume scored with the job's cosines multiplied by {@code jobScale}, whose own score
     * {@code ownScore} was blended with {@code similarApplicants} earlier applicants' mean score
     * {@code similarApplicantsScore} (null when none), weighing {@code similarApplicantsWeight} of the score.
     */
    public Explanation scored(
            double jobScale,
            double ownScore,
            int similarApplicants,
            Double similarApplicantsScore,
            double similarApplicantsWeight) {
        return new Explanation(
                found, missing, jobScale, ownScore, similarApplicants, similarApplicantsScore, similarApplicantsWeight);
    }
}
