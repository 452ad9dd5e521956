package dev.resumescreening.text;

import dev.resumescreening.embedding.LexicalEmbedder;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text (runs of letters and digits), with where each starts and ends, the hash of each in lower case and
 * whether the lexical embedder weighs it at all (stop words and single characters it does not): what
 * {@link PostingCopies} and {@link RepeatedPassages} compare, whatever the case and punctuation.
 */
record Words(int[] hashes, boolean[] scored, int[] starts, int[] ends, int count) {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A 64-bit prime (FNV's): each word's hash is spread over the run's whole hash. */
    private static final long RUN_PRIME = 0x100000001B3L;

    /** A text with the marked words taken out, and how many characters (spaces aside) they were. */
    record Cut(String text, long characters) {}

    static Words of(String text) {
        Matcher word = WORD.matcher(text);
        int capacity = 64;
        int[] hashes = new int[capacity];
        boolean[] scored = new boolean[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        while (word.find()) {
            if (count == hashes.length) {
                capacity *= 2;
                hashes = Arrays.copyOf(hashes, capacity);
                scored = Arrays.copyOf(scored, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
            }
            String lowerCase = word.group().toLowerCase(Locale.ROOT);
            hashes[count] = lowerCase.hashCode();
            scored[count] = LexicalEmbedder.isScored(lowerCase);
            starts[count] = word.start();
            ends[count] = word.end();
            count++;
        }
        return new Words(hashes, scored, starts, ends, count);
    }

    /** A 64-bit hash of the {@code length} words from word {@code first}, in order. */
    long runAt(int first, int length) {
        long run = 0;
        for (int i = first; i < first + length; i++) {
            run = run * RUN_PRIME + hashes[i];
        }
        return run;
    }

    /**
     * {@code text} (the text these are the words of) with each stretch of consecutive marked words (and the punctuation
     * between them) replaced by a line break, so the words around it make no phrase.
     */
    Cut cut(String text, boolean[] marked) {
        StringBuilder kept = new StringBuilder(text.length());
        long taken = 0;
        int keptUpTo = 0;
        for (int i = 0; i < count; ) {
            if (!marked[i]) {
                i++;
                continue;
            }
            int first = i;
            while (i < count && marked[i]) {
                i++;
            }
            int start = starts[first];
            int end = ends[i - 1];
            kept.append(text, keptUpTo, start).append('\n');
            taken += ExtractedText.charactersIn(text.substring(start, end));
            keptUpTo = end;
        }
        kept.append(text, keptUpTo, text.length());
        return new Cut(kept.toString(), taken);
    }
}
