package com.prompt2pixel.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request made with a merchant's valid API key. */
final class MerchantAuthentication extends AbstractAuthenticationToken {

	static final String AUTHORITY = "ROLE_MERCHANT";

	private final ApiKey key;

	MerchantAuthentication(ApiKey key) {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		this.key = key;
		setAuthenticated(true);
	}

	ApiKey key() {
		return this.key;
	}

	@Override
	public Object getCredentials() {
		// the key is checked and forgotten: nothing secret stays with the request
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.key.merchant();
	}

	@Override
	public String getName() {
		return this.key.merchant();
	}

}
