package dev.resumescreening.registry;

/** Where a registered model version stands. */
public enum ModelStatus {
    /** Registered, never live. */
    CANDIDATE,
    /** The champion: scores every result not sent to the challenger. */
    ACTIVE,
    /** Scores the challenger's share of results in an A/B split. */
    CHALLENGER,
    /** Passed the gate; waits for an admin to activate it (ACTIVATION_MODE=approval). */
    PENDING_APPROVAL,
    /** Lost the gate against the live model; kept for audit. */
    REJECTED,
    /** Was live, replaced; can be activated again (rollback). */
    RETIRED
}
