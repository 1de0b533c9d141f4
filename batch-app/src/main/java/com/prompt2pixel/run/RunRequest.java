package com.prompt2pixel.run;

import java.nio.file.Path;

/**
 * What to run.
 *
 * @param merchantId the merchant whose catalog it is
 * @param catalogFile the catalog file
 * @param templateSet the scene-template set, or null to match each product to its
 * vertical
 * @param variants variants per scene, or null for each scene's own
 * @param outDir the folder to publish into; null for {@code out/run-<id>}
 */
public record RunRequest(String merchantId, Path catalogFile, String templateSet, Integer variants, Path outDir) {

}
