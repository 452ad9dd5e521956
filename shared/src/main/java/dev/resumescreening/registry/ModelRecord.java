package dev.resumescreening.registry;

import java.util.Map;

/**
 * One registered model version as the models table keeps it. {@code auc} is null when the held-out split had one
 * class only; {@code embedder} names the vector space the model was trained in, so it is never served with others.
 */
public record ModelRecord(
        String version,
        String framework,
        ModelStatus status,
        Double accuracy,
        Double auc,
        Double f1,
        Map<String, Object> metrics,
        long trainingSamples,
        String createdAt,
        String artifactPrefix,
        String weightsSha256,
        String embedder,
        int embeddingDimension,
        String runId) {}
