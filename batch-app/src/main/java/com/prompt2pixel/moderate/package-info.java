/**
 * {@code moderateImagesStep}: automatic checks on every GENERATED image. An image that
 * passes is APPROVED; a near-uniform image or an exact duplicate of an earlier image of
 * the run goes to NEEDS_REVIEW with the reason.
 */
package com.prompt2pixel.moderate;
