package com.prompt2pixel.expand;

import com.prompt2pixel.templates.ExpandedTask;

/**
 * A render task to insert.
 */
record TaskDraft(long productId, ExpandedTask task) {

}
