package dev.resumescreening.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models table: version records, the active pointer and the append-only activation history. */
public interface ModelRegistryStore {
    Optional<ModelRecord> find(String version);

    /** Every registered version (not the implicit similarity model), newest first. */
    List<ModelRecord> versions();

    /** @return false when the version is already registered (nothing is written) */
    boolean register(ModelRecord record);

    void updateStatus(String version, ModelStatus status);

    ActivePointer pointer();

    /** Moves the pointer, appends the activation and sets the given statuses in one transaction. */
    void activate(ActivePointer pointer, Activation activation, Map<String, ModelStatus> statuses);

    /** The activation history, newest first. */
    List<Activation> history(int limit);
}
