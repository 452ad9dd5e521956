package dev.resumescreening.ports;

/** Which model version is live ("0" is the similarity model, live until a trained model is activated). */
public interface ActiveModels {
    String activeVersion();
}
