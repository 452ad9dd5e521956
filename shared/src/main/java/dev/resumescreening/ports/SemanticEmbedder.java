package dev.resumescreening.ports;

/** A dense embedding of text by meaning (a hosted model such as Bedrock Titan). */
public interface SemanticEmbedder {
    float[] embed(String text);

    String name();
}
