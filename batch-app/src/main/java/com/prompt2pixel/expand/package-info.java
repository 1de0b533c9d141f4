/**
 * {@code expandPromptsStep}: every product of the run's import times every scene of the
 * run's template set times the run's variants becomes a PENDING render task with its
 * prompt, negative prompt, seed and parameters.
 */
package com.prompt2pixel.expand;
