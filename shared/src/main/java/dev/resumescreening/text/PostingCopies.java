package dev.resumescreening.text;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Passages of a resume copied word for word from the job's posting: runs of at least {@value #MIN_WORDS} words that
 * the posting has in the same order. Pasting the posting into a resume (in plain sight, or in small type at the end)
 * would otherwise make it the best match for its own job; the copy is the employer's words, not the candidate's, so it
 * is not scored. Resumes and postings written apart share no run of ten words (none of the 466 real resumes against
 * 188 postings; 6 pairs share a run of eight, such as "work independently and as part of a team", 145 a run of six),
 * so a run of twelve is a copy, not a common phrase.
 */
public final class PostingCopies {
    public static final int MIN_WORDS = 12;

    private PostingCopies() {}

    /** The resume's text without what it copies from the posting, and how many characters that was. */
    public record Remaining(String text, long copiedCharacters) {}

    /**
     * {@code resume} with every run of at least {@value #MIN_WORDS} words found in the same order in {@code posting}
     * replaced by a line break (so the words around it make no phrase), and the characters (spaces aside) taken out.
     */
    public static Remaining without(String posting, String resume) {
        Words postingWords = Words.of(posting);
        Words resumeWords = Words.of(resume);
        if (postingWords.count() < MIN_WORDS || resumeWords.count() < MIN_WORDS) {
            return new Remaining(resume, 0);
        }
        Set<Long> postingRuns = new HashSet<>();
        for (int i = 0; i + MIN_WORDS <= postingWords.count(); i++) {
            postingRuns.add(postingWords.runAt(i, MIN_WORDS));
        }
        boolean[] copied = new boolean[resumeWords.count()];
        boolean any = false;
        for (int i = 0; i + MIN_WORDS <= resumeWords.count(); i++) {
            if (postingRuns.contains(resumeWords.runAt(i, MIN_WORDS))) {
                Arrays.fill(copied, i, i + MIN_WORDS, true);
                any = true;
            }
        }
        if (!any) {
            return new Remaining(resume, 0);
        }
        Words.Cut cut = resumeWords.cut(resume, copied);
        return new Remaining(cut.text(), cut.characters());
    }
}
