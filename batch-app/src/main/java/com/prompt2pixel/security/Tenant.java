package com.prompt2pixel.security;

import java.util.Optional;

/**
 * The merchant a request acts for: the merchant of its API key, and nothing the request
 * says. A controller method takes a {@code Tenant} parameter to be given it.
 */
public record Tenant(String merchant) {

	/**
	 * Whether an object whose owner is {@code owner} (empty: there is no such object) is
	 * this tenant's. Callers answer 404 when it is not, whether it is missing or another
	 * merchant's: the answer must not tell the two apart.
	 */
	public boolean owns(Optional<String> owner) {
		return owner.filter(this.merchant::equals).isPresent();
	}

}
