/**
 * {@code billRunStep}: one usage event per generated image (keyed by its task, so never
 * twice) and one invoice per run.
 */
package com.prompt2pixel.billing;
