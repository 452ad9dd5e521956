package dev.resumescreening.training;

import java.time.Duration;
import java.util.Optional;

/** A lease that keeps two trainings from running at once; it expires by itself if its holder dies. */
public interface TrainingLock {
    /** @return the lock, when {@code owner} now holds it for {@code lease}; empty while another holder's lease runs */
    Optional<Acquired> acquire(String owner, Duration lease);

    /** Lengthens the lease of {@code owner}, e.g. while a SageMaker job trains; no-op when it holds no lock. */
    void extend(String owner, Duration lease);

    /** Releases the lock if {@code owner} holds it; never releases someone else's. */
    void release(String owner);

    /** A lock taken; {@code expiredOwner} held it before and let its lease run out without releasing it, or null. */
    record Acquired(String expiredOwner) {
        /** The previous holder that never released the lock: a run that died before it finished. */
        public Optional<String> abandonedBy() {
            return Optional.ofNullable(expiredOwner);
        }
    }
}
