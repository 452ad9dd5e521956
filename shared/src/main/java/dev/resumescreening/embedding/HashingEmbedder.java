package dev.resumescreening.embedding;

import dev.resumescreening.ports.Embedder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An embedder that needs no network: words and word pairs hashed into a fixed number of dimensions (signed feature
 * hashing), weighted by log term frequency and L2-normalised. Deterministic across machines and JVMs.
 */
public final class HashingEmbedder implements Embedder {
    public static final int DIMENSIONS = 1024;
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
            "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "will", "with", "you", "your",
            "i", "my", "me", "all", "also", "any", "can", "etc", "more", "other", "who", "which", "were", "been");

    @Override
    public float[] embed(String text) {
        Map<Integer, Double> weights = termWeights(tokens(text));
        float[] vector = new float[DIMENSIONS];
        weights.forEach((hash, weight) -> {
            int index = Math.floorMod(hash, DIMENSIONS);
            vector[index] += (float) (((hash >>> 16) & 1) == 0 ? weight : -weight);
        });
        return Vectors.normalize(vector);
    }

    @Override
    public String name() {
        return "local-hashing-" + DIMENSIONS;
    }

    private static String[] tokens(String text) {
        return text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#]+");
    }

    private static Map<Integer, Double> termWeights(String[] tokens) {
        Map<Integer, Integer> counts = new HashMap<>();
        String previous = null;
        for (String token : tokens) {
            if (token.length() < 2 || STOP_WORDS.contains(token)) {
                continue;
            }
            counts.merge(mix(token.hashCode()), 1, Integer::sum);
            if (previous != null) {
                counts.merge(mix((previous + ' ' + token).hashCode() * 31 + 7), 1, Integer::sum);
            }
            previous = token;
        }
        Map<Integer, Double> weights = new HashMap<>(counts.size() * 2);
        counts.forEach((hash, count) -> weights.put(hash, 1.0 + Math.log(count)));
        return weights;
    }

    /** Spreads String.hashCode's bits so that similar words land far apart. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B1;
        return h ^ (h >>> 15);
    }
}
