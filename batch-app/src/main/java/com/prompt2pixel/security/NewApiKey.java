package com.prompt2pixel.security;

/**
 * A key just created: the only time its secret exists outside the caller's hands.
 *
 * @param secret {@code p2p_} and 43 characters of base64url: the bearer token
 */
public record NewApiKey(ApiKey key, String secret) {

	@Override
	public String toString() {
		return "NewApiKey[" + this.key + ", secret=(hidden)]";
	}

}
