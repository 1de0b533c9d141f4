package com.prompt2pixel.publish;

import com.prompt2pixel.task.RenderTask;

/**
 * An approved image ready to publish.
 */
record PublicationItem(RenderTask task, String productKey, byte[] png) {

}
