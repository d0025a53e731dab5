package org.hotlock.nodes;

import com.oracle.truffle.api.instrumentation.Tag;

/**
 * Marks the expression a branch turns on (the condition of {@code if}, {@code while},
 * {@code ?:} and each side of {@code &&} and {@code ||}): its value, true or false, says which
 * way the branch went, so a coverage tool can tell the branches a run never took.
 */
@Tag.Identifier("BRANCH_CONDITION")
public final class BranchConditionTag extends Tag {
    private BranchConditionTag() {
    }
}
