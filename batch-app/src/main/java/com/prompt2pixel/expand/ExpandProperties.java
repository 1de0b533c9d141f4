package com.prompt2pixel.expand;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Prompt expansion.
 *
 * @param partitions ranges of products expanded in parallel, each on its own thread and
 * database connection; one per core keeps both the JVM and PostgreSQL busy
 */
@Validated
@ConfigurationProperties("p2p.expand")
record ExpandProperties(@Min(1) @Max(32) int partitions) {

}
