/**
 * Everything that makes or inspects images: the batched {@link ImageGenerator} interface,
 * its backends (for now the non-AI {@link CompositorGenerator}), and
 * {@link ImageInspector}'s automatic moderation checks. Plain Java, no Spring.
 */
package com.prompt2pixel.models;
