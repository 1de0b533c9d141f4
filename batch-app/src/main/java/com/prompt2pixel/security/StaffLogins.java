package com.prompt2pixel.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff sign-in by password, for the login form and HTTP Basic alike: Spring's
 * {@link DaoAuthenticationProvider} checks the password, and this counts failures in a
 * row, so that {@code p2p.security.login-attempts} of them lock the account for
 * {@code p2p.security.lockout} (a locked account is refused before its password is
 * checked; once the lock has run out, one more failure locks it again, until a login
 * succeeds).
 */
class StaffLogins implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final StaffAccounts accounts;

	private final SecurityProperties properties;

	StaffLogins(StaffAccounts accounts, PasswordEncoder encoder, SecurityProperties properties) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		try {
			Authentication authenticated = this.passwords.authenticate(authentication);
			this.accounts.succeededLogin(authentication.getName());
			return authenticated;
		}
		catch (BadCredentialsException ex) {
			this.accounts.failedLogin(authentication.getName(), this.properties.loginAttempts(),
					this.properties.lockout());
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
