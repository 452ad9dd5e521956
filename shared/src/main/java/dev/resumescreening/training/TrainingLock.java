package dev.resumescreening.training;

import java.time.Duration;

/** A lease that keeps two trainings from running at once; it expires by itself if its holder dies. */
public interface TrainingLock {
    /** @return true when {@code owner} now holds the lock for {@code lease} */
    boolean acquire(String owner, Duration lease);

    /** Lengthens the lease of {@code owner}, e.g. while a SageMaker job trains; no-op when it holds no lock. */
    void extend(String owner, Duration lease);

    /** Releases the lock if {@code owner} holds it; never releases someone else's. */
    void release(String owner);
}
