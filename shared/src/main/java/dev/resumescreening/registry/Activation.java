package dev.resumescreening.registry;

/**
 * One change of the live models, appended to the activation history: who, when, what went live, what was live
 * before, why, and how ({@code kind}: an activation, a forced activation of a rejected model, or a rollback). Read
 * in order, the history tells which version scored at any moment, and rollbacks walk it back.
 */
public record Activation(
        String activatedAt,
        String actor,
        String championVersion,
        String challengerVersion,
        int challengerWeight,
        String previousChampion,
        String reason,
        String kind) {
    public static final String ACTIVATE = "activate";
    public static final String FORCED = "forced";
    public static final String ROLLBACK = "rollback";

    public boolean isRollback() {
        return ROLLBACK.equals(kind);
    }
}
