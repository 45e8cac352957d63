package com.labelmint.consensus.api;

import java.util.List;

/**
 * Everything a decision on a dispute looks at: the dispute, the item's state and label (JSON, or null) and every
 * regular answer the item got, with its verdict.
 */
public record DisputeCase(DisputeView dispute, String itemState, String itemLabel, List<ItemAnswer> answers) {
}
