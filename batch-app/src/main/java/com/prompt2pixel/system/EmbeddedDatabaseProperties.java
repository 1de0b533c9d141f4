package com.prompt2pixel.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that starts when {@code spring.datasource.url} is not set.
 *
 * @param dir data directory; kept between runs, so a second run sees the first run's rows
 * @param shareRunning whether this process may use the server another live process runs
 * on the folder (the one-shot commands may; {@code serve} and {@code worker} must own
 * theirs)
 */
@ConfigurationProperties("p2p.database.embedded")
record EmbeddedDatabaseProperties(Path dir, boolean shareRunning) {

}
