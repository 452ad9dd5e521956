package dev.resumescreening.ports;

import dev.resumescreening.embedding.TermVector;

/** Turns text into an L2-normalised vector; resumes and jobs go through the same embedder. */
public interface Embedder {
    TermVector embed(String text);

    /** A resume's vector: as {@link #embed}, unless the embedder weighs part of a resume differently. */
    default TermVector embedResume(String text) {
        return embed(text);
    }

    /** A stable name stored with models, so a model is never served with vectors of another embedder. */
    String name();
}
