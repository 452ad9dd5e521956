package dev.resumescreening.training;

/** The "new samples since last training" counter, moved by training as reviews move it. */
public interface SampleCounter {
    /** Subtracts what a successful training consumed; reviews counted meanwhile stay counted. */
    void consume(long samples);
}
