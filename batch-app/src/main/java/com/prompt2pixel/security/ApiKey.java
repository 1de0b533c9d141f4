package com.prompt2pixel.security;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A merchant's API key as it is shown: never the key itself, which only its creator sees,
 * once.
 *
 * @param prefix the key's first characters, to tell keys apart
 * @param revokedAt null while the key is valid
 */
public record ApiKey(long id, String merchant, String name, String prefix, OffsetDateTime createdAt,
		OffsetDateTime revokedAt) {

	public boolean revoked() {
		return this.revokedAt != null;
	}

	/** As the CLI prints it and the admin API returns it. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", this.id);
		json.put("merchant", this.merchant);
		json.put("name", this.name);
		json.put("prefix", this.prefix);
		json.put("created_at", this.createdAt.toInstant().toString());
		json.put("revoked_at", revoked() ? this.revokedAt.toInstant().toString() : null);
		return json;
	}

}
