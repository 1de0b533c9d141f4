package com.prompt2pixel.run;

import java.nio.file.Path;

/**
 * What to run.
 *
 * @param merchantId the merchant whose catalog it is
 * @param catalogFile the catalog file
 * @param templateSet the scene-template set
 * @param variants variants per product and scene
 * @param outDir the folder to publish into; null for {@code out/run-<id>}
 */
public record RunRequest(String merchantId, Path catalogFile, String templateSet, int variants, Path outDir) {

}
