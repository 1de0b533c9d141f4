/**
 * {@code publishImagesStep} and {@code writeManifestStep}: APPROVED images into the run's
 * output folder as {@code <product>/<template>-<variant>.png}, each recorded as a
 * publication with an idempotency key, then {@code manifest.csv} listing every published
 * image of the run.
 */
package com.prompt2pixel.publish;
