package dev.resumescreening.ports;

/** Picks the model that scores a result; with an A/B split the pick is a pure function of the result id. */
public interface ModelSelector {
    ScoringModel forResult(String resultId);
}
