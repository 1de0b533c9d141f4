/**
 * Automatic checks on a generated image, each a small class with its thresholds given by
 * the caller (configuration) and a score it reports whether it passes or not, so that a
 * reviewer sees why an image was held and thresholds can be tuned from what was stored.
 */
package com.prompt2pixel.models.checks;
