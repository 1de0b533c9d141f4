package com.prompt2pixel.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where images live.
 *
 * @param dir folder of the local image store that keeps every generated image
 * @param photoTimeout how long to wait for a product photo fetched over HTTP
 */
@ConfigurationProperties("p2p.storage")
record StorageProperties(Path dir, Duration photoTimeout) {

}
