package com.prompt2pixel.expand;

import com.prompt2pixel.templates.ExpandedTask;

/**
 * A render task to insert.
 *
 * @param productId the product
 * @param task the expanded task
 * @param cacheKey hash of everything that determines the task's pixels
 * @param blockedReason why the prompt policy blocks it, or null
 */
record TaskDraft(long productId, ExpandedTask task, String cacheKey, String blockedReason) {

}
