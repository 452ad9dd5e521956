package dev.resumescreening.text;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A 64-bit prime (FNV's): each word's hash is spread over the run's whole hash. */
    private static final long RUN_PRIME = 0x100000001B3L;

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
            postingRuns.add(postingWords.runAt(i));
        }
        boolean[] copied = new boolean[resumeWords.count()];
        boolean any = false;
        for (int i = 0; i + MIN_WORDS <= resumeWords.count(); i++) {
            if (postingRuns.contains(resumeWords.runAt(i))) {
                Arrays.fill(copied, i, i + MIN_WORDS, true);
                any = true;
            }
        }
        if (!any) {
            return new Remaining(resume, 0);
        }
        StringBuilder kept = new StringBuilder(resume.length());
        long taken = 0;
        int keptUpTo = 0;
        for (int i = 0; i < copied.length; ) {
            if (!copied[i]) {
                i++;
                continue;
            }
            int first = i;
            while (i < copied.length && copied[i]) {
                i++;
            }
            int start = resumeWords.start(first);
            int end = resumeWords.end(i - 1);
            kept.append(resume, keptUpTo, start).append('\n');
            taken += ExtractedText.charactersIn(resume.substring(start, end));
            keptUpTo = end;
        }
        kept.append(resume, keptUpTo, resume.length());
        return new Remaining(kept.toString(), taken);
    }

    /** The words of a text, with where each starts and ends and the hash of each in lower case. */
    private record Words(int[] hashes, int[] starts, int[] ends, int count) {
        static Words of(String text) {
            Matcher word = WORD.matcher(text);
            int capacity = 64;
            int[] hashes = new int[capacity];
            int[] starts = new int[capacity];
            int[] ends = new int[capacity];
            int count = 0;
            while (word.find()) {
                if (count == hashes.length) {
                    capacity *= 2;
                    hashes = Arrays.copyOf(hashes, capacity);
                    starts = Arrays.copyOf(starts, capacity);
                    ends = Arrays.copyOf(ends, capacity);
                }
                hashes[count] = word.group().toLowerCase(Locale.ROOT).hashCode();
                starts[count] = word.start();
                ends[count] = word.end();
                count++;
            }
            return new Words(hashes, starts, ends, count);
        }

        /** A 64-bit hash of the {@value #MIN_WORDS} words from word {@code first}, in order. */
        long runAt(int first) {
            long run = 0;
            for (int i = first; i < first + MIN_WORDS; i++) {
                run = run * RUN_PRIME + hashes[i];
            }
            return run;
        }

        int start(int index) {
            return starts[index];
        }

        int end(int index) {
            return ends[index];
        }
    }
}
