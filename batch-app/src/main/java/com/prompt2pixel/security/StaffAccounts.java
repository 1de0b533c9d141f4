package com.prompt2pixel.security;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * Staff accounts ({@code staff_account}, owned here), signed in by e-mail address and
 * password; the password is kept only as the delegating encoder's hash.
 */
@Repository
public class StaffAccounts implements UserDetailsService {

	/** Passwords staff choose themselves; generated ones are longer. */
	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	StaffAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Adds a member of staff.
	 * @param password the password, or null to generate one
	 * @return the password when it was generated, else null
	 * @throws IllegalArgumentException for a bad address, a short password or an address
	 * that already has an account
	 */
	public String add(String email, StaffRole role, String password) {
		String address = normalize(email);
		if (!EMAIL.matcher(address).matches()) {
			throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
		}
		String generated = (password == null) ? generate() : null;
		String chosen = (password == null) ? generated : password;
		if (chosen.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException(
					"the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		try {
			this.jdbc.update("INSERT INTO staff_account (email, role, password_hash) VALUES (?, ?, ?)", address,
					role.name(), this.passwords.encode(chosen));
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("there is already an account for " + address, ex);
		}
		return generated;
	}

	public List<StaffAccount> list() {
		return this.jdbc.query("SELECT email, role, created_at, locked_until FROM staff_account ORDER BY email",
				StaffAccounts::account);
	}

	public Optional<StaffAccount> find(String email) {
		return this.jdbc
			.query("SELECT email, role, created_at, locked_until FROM staff_account WHERE email = ?",
					StaffAccounts::account, normalize(email))
			.stream()
			.findFirst();
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		String address = normalize(email);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.jdbc
			.query("SELECT email, role, password_hash, locked_until FROM staff_account WHERE email = ?",
					(rs, row) -> User.withUsername(rs.getString("email"))
						.password(rs.getString("password_hash"))
						.authorities(StaffRole.valueOf(rs.getString("role")).authority())
						.accountLocked(rs.getObject("locked_until", OffsetDateTime.class) != null
								&& rs.getObject("locked_until", OffsetDateTime.class).isAfter(now))
						.build(),
					address)
			.stream()
			.findFirst()
			.orElseThrow(() -> new UsernameNotFoundException("no staff account " + address));
	}

	/**
	 * Counts a failed login; the {@code attempts}-th in a row locks the account until
	 * {@code lockedFor} from now.
	 */
	void failedLogin(String email, int attempts, Duration lockedFor) {
		OffsetDateTime until = OffsetDateTime.now(this.clock).plus(lockedFor);
		this.jdbc.update("""
				UPDATE staff_account SET failed_logins = failed_logins + 1,
				       locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END
				WHERE email = ?""", attempts, until, normalize(email));
	}

	/** A successful login clears the count of failed ones. */
	void succeededLogin(String email) {
		this.jdbc.update("UPDATE staff_account SET failed_logins = 0, locked_until = NULL WHERE email = ?",
				normalize(email));
	}

	private static String normalize(String email) {
		return (email == null) ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	private static String generate() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	private static StaffAccount account(ResultSet rs, int row) throws SQLException {
		return new StaffAccount(rs.getString("email"), StaffRole.valueOf(rs.getString("role")),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("locked_until", OffsetDateTime.class));
	}

}
