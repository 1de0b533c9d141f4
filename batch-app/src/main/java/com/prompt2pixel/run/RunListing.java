package com.prompt2pixel.run;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A run as a list shows it.
 *
 * @param merchant whose run it is
 * @param kind UPLOAD, NIGHTLY or ON_DEMAND
 * @param priority on-demand or batch
 */
public record RunListing(long run, String merchant, String status, String kind, String priority, String pool,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("finished_at") Instant finishedAt) {
}
