package com.prompt2pixel.generate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Image generation.
 *
 * @param batchSize render tasks per chunk, and so per generator batch; a restart redoes
 * at most one chunk
 */
@Validated
@ConfigurationProperties("p2p.generate")
public record GenerateProperties(@Min(1) @Max(256) int batchSize) {

}
