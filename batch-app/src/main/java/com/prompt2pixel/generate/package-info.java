/**
 * {@code generateImagesStep}: PENDING render tasks, a chunk at a time, through the
 * configured {@link com.prompt2pixel.models.ImageGenerator} as one batch; images go to
 * the image store and their tasks become GENERATED (or FAILED when the product photo
 * cannot be used).
 */
package com.prompt2pixel.generate;
