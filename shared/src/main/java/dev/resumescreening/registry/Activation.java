package dev.resumescreening.registry;

/**
 * One change of the live models, appended to the activation history: who, when, what went live, what was live
 * before and why. Read in order, the history tells which version scored at any moment.
 */
public record Activation(String activatedAt, String actor, String championVersion, String challengerVersion,
                         int challengerWeight, String previousChampion, String reason) {
}
