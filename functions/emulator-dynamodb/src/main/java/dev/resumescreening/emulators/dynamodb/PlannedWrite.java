package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The outcome of evaluating one write request against the current state, before anything is applied.
 *
 * @param oldItem           the current item, or null
 * @param newItem           the item to store, or null to delete (ignored unless {@code writes})
 * @param writes            false for a ConditionCheck
 * @param conditionMet      whether the ConditionExpression (if any) holds
 * @param updatedAttributes top-level attributes touched by an update expression (empty otherwise)
 */
record PlannedWrite(
        Table table,
        PrimaryKey key,
        ObjectNode oldItem,
        ObjectNode newItem,
        boolean writes,
        boolean conditionMet,
        Set<String> updatedAttributes) {}
