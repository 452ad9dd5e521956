package dev.resumescreening.screening;

import dev.resumescreening.domain.Explanation;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Explains a score with the lexical representation every model starts from: a job word found in the resume adds the
 * product of its weights in the two term vectors to their cosine, so found words are ranked by that share; a missing
 * word would have added in proportion to its weight in the job, so missing words are ranked by that weight (the
 * order of the job text on ties). Terms are shown as the job wrote them (never hashes): where the job wrote two of
 * the words side by side ("spring boot") and the resume has that pair too, or lacks both words, the pair is shown once
 * instead of its words.
 */
public final class Explainer {
    static final int MAX_FOUND = 12;
    static final int MAX_MISSING = 8;
    /**
     * Words nearly every job advertisement uses: the vector has no document frequencies to play them down, and a
     * reviewer learns nothing from "experience" being found or "team" missing.
     */
    private static final Set<String> GENERIC_WORDS = Set.of(
            "experience",
            "years",
            "year",
            "team",
            "teams",
            "work",
            "working",
            "strong",
            "ability",
            "skills",
            "skill",
            "including",
            "knowledge",
            "role",
            "responsibilities",
            "requirements",
            "required",
            "preferred",
            "plus",
            "using",
            "looking",
            "join",
            "candidate",
            "candidates",
            "hiring",
            "nice",
            "hands",
            "build",
            "building",
            "help",
            "good",
            "great",
            "excellent",
            "new",
            "based",
            "well",
            "across",
            "within",
            "must",
            "should",
            "would",
            "like",
            "similar",
            "per",
            "one",
            "two",
            "running",
            "behind",
            "design",
            "write",
            "keep",
            "make",
            "use",
            "able");

    private Explainer() {}

    /**
     * The explanation of a resume against the text its job is matched on ({@code jobText}), from the two vectors the
     * resume was scored with: only their lexical terms are read, which a hybrid vector holds uniformly scaled, so the
     * terms rank as in the lexical vectors alone and the upload embeds nothing twice.
     */
    public static Explanation explain(String jobText, TermVector job, TermVector resume) {
        return explain(JobTerms.of(jobText), job, resume);
    }

    /** As {@link #explain(String, TermVector, TermVector)}, with the job's text already read into its terms. */
    public static Explanation explain(JobTerms terms, TermVector job, TermVector resume) {
        List<Word> found = new ArrayList<>();
        List<Word> missing = new ArrayList<>();
        for (int order = 0; order < terms.words.size(); order++) {
            String word = terms.words.get(order);
            int index = terms.indices[order];
            double inResume = resume.weightOf(index);
            double inJob = job.weightOf(index);
            if (inResume > 0) {
                found.add(new Word(word, inJob * inResume, order));
            } else {
                missing.add(new Word(word, inJob, order));
            }
        }
        return Explanation.ofTerms(
                shown(found, terms.phrases, pair -> resume.weightOf(LexicalEmbedder.index(pair)) > 0, MAX_FOUND),
                shown(missing, terms.phrases, pair -> true, MAX_MISSING));
    }

    /**
     * What an explanation reads from a job's text: its words in the order written, without the generic ones, and the
     * pairs of words it wrote side by side. Reading them costs more than explaining a resume with them, so the upload
     * reads each job's once ({@link JobService#explanationTerms}).
     */
    public static final class JobTerms {
        private final List<String> words;
        private final int[] indices;
        private final List<String[]> phrases;

        private JobTerms(List<String> words, List<String[]> phrases) {
            this.words = List.copyOf(words);
            this.indices = words.stream().mapToInt(LexicalEmbedder::index).toArray();
            this.phrases = List.copyOf(phrases);
        }

        public static JobTerms of(String jobText) {
            Set<String> words = new LinkedHashSet<>();
            List<String[]> phrases = new ArrayList<>();
            LexicalEmbedder.forEachTerm(jobText, (term, phrase) -> {
                int space = term.indexOf(' ');
                if (space < 0) {
                    if (phrase && !GENERIC_WORDS.contains(term)) {
                        words.add(term);
                    }
                } else if (phrase) {
                    phrases.add(new String[] {term.substring(0, space), term.substring(space + 1)});
                }
            });
            return new JobTerms(new ArrayList<>(words), phrases);
        }
    }

    /**
     * The strongest words of one kind, each joined with the next word of a job phrase when that word is of the same
     * kind (and {@code pairHolds}); a word joined into a pair is not shown again.
     */
    private static List<String> shown(
            List<Word> words, List<String[]> phrases, Predicate<String> pairHolds, int limit) {
        Map<String, Word> byText = new LinkedHashMap<>();
        words.forEach(word -> byText.put(word.text(), word));
        List<Word> ranked = new ArrayList<>(words);
        ranked.sort(Comparator.comparingDouble(Word::weight).reversed().thenComparingInt(Word::order));
        Set<String> used = new HashSet<>();
        List<String> shown = new ArrayList<>();
        for (Word word : ranked) {
            if (shown.size() == limit) {
                break;
            }
            if (!used.add(word.text())) {
                continue;
            }
            String label = word.text();
            for (String[] phrase : phrases) {
                int at = phrase[0].equals(label) ? 1 : phrase[1].equals(label) ? 0 : -1;
                if (at >= 0
                        && byText.containsKey(phrase[at])
                        && !used.contains(phrase[at])
                        && pairHolds.test(phrase[0] + ' ' + phrase[1])) {
                    used.add(phrase[at]);
                    label = phrase[0] + ' ' + phrase[1];
                    break;
                }
            }
            shown.add(label);
        }
        return shown;
    }

    private record Word(String text, double weight, int order) {}
}
