package dev.resumescreening.domain;

import java.util.List;

/**
 * Why a resume scored as it did, in words a reviewer reads: the job's requirement terms (words and phrases of its
 * title and description) found in the resume's redacted text, strongest contribution first, and the most important
 * ones missing from it.
 */
public record Explanation(List<String> found, List<String> missing) {
    public Explanation {
        found = List.copyOf(found);
        missing = List.copyOf(missing);
    }
}
