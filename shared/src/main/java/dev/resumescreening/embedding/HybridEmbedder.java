package dev.resumescreening.embedding;

import dev.resumescreening.ports.Embedder;
import dev.resumescreening.ports.SemanticEmbedder;

/**
 * Lexical and semantic together: the lexical term vector beside a dense semantic embedding (Bedrock Titan), each
 * normalised and weighted so that the dot product of two hybrid vectors is
 * {@code LEXICAL_SHARE * lexical cosine + (1 - LEXICAL_SHARE) * semantic cosine}. Everything downstream (the
 * similarity model, the per-job feedback prototypes of trained models) works on the combination unchanged.
 */
public final class HybridEmbedder implements Embedder {
    /**
     * Equal shares: neither signal could be measured against the other on Titan here (no Bedrock access in the test
     * environment), and an equal convex combination of two cosines is the standard starting point for hybrid
     * retrieval; trained models re-weight the combination through the feedback they learn.
     */
    public static final double LEXICAL_SHARE = 0.5;
    /** The dense block's first index: above every lexical term index. */
    static final int SEMANTIC_OFFSET = 1 << LexicalEmbedder.TERM_SPACE_BITS;

    private final LexicalEmbedder lexical;
    private final SemanticEmbedder semantic;

    public HybridEmbedder(LexicalEmbedder lexical, SemanticEmbedder semantic) {
        this.lexical = lexical;
        this.semantic = semantic;
    }

    @Override
    public TermVector embed(String text) {
        return lexical.embed(text).beside(semantic.embed(text), SEMANTIC_OFFSET, LEXICAL_SHARE);
    }

    @Override
    public TermVector embedResume(String text) {
        return lexical.embedResume(text).beside(semantic.embed(text), SEMANTIC_OFFSET, LEXICAL_SHARE);
    }

    @Override
    public String name() {
        return "hybrid:" + lexical.name() + "+" + semantic.name();
    }
}
