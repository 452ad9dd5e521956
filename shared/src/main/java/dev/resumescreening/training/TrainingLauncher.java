package dev.resumescreening.training;

/** Starts the scheduled-training function for a queued run without waiting for it. */
public interface TrainingLauncher {
    void launch(TrainingRequest request);
}
