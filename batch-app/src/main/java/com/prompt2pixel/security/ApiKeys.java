package com.prompt2pixel.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.system.Sha256;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merchant API keys ({@code api_key}, owned here): {@code p2p_} followed by 32 random
 * bytes in base64url. Only the key's SHA-256 is stored: with 256 random bits a slow
 * password hash would add nothing against guessing, and would cost tens of milliseconds
 * on every request.
 */
@Repository
public class ApiKeys {

	static final String SCHEME = "p2p_";

	/** Characters of the key kept in clear: the scheme and eight of the random part. */
	private static final int PREFIX_LENGTH = SCHEME.length() + 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final Merchants merchants;

	ApiKeys(JdbcTemplate jdbc, Merchants merchants) {
		this.jdbc = jdbc;
		this.merchants = merchants;
	}

	/**
	 * A new key for the merchant, which is created if it is new (an operator giving a
	 * merchant a key is how a merchant comes to exist for the API).
	 * @param name what the key is for ({@code default} when blank)
	 * @throws IllegalArgumentException for a bad merchant id or a name over 100
	 * characters
	 */
	@Transactional
	public NewApiKey create(String merchant, String name) {
		Merchants.checkId(merchant);
		String label = (name == null || name.isBlank()) ? "default" : name.strip();
		if (label.length() > 100) {
			throw new IllegalArgumentException("the key's name is longer than 100 characters");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.merchants.ensure(merchant);
		ApiKey key = this.jdbc.queryForObject("""
				INSERT INTO api_key (merchant_id, name, prefix, secret_sha256) VALUES (?, ?, ?, ?)
				RETURNING id, merchant_id, name, prefix, created_at, revoked_at""", ApiKeys::key, merchant, label,
				secret.substring(0, PREFIX_LENGTH), sha256(secret));
		return new NewApiKey(key, secret);
	}

	/**
	 * The valid key this bearer token is, if any: a revoked, unknown or malformed token
	 * is none.
	 */
	public Optional<ApiKey> authenticate(String token) {
		if (token == null || !token.startsWith(SCHEME) || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.query("""
				SELECT id, merchant_id, name, prefix, created_at, revoked_at FROM api_key
				WHERE secret_sha256 = ? AND revoked_at IS NULL""", ApiKeys::key, sha256(token)).stream().findFirst();
	}

	/** Every key, or a merchant's, newest first; revoked ones too. */
	public List<ApiKey> list(String merchant) {
		if (merchant == null) {
			return this.jdbc.query(
					"SELECT id, merchant_id, name, prefix, created_at, revoked_at FROM api_key ORDER BY id DESC",
					ApiKeys::key);
		}
		return this.jdbc.query("""
				SELECT id, merchant_id, name, prefix, created_at, revoked_at FROM api_key WHERE merchant_id = ?
				ORDER BY id DESC""", ApiKeys::key, merchant);
	}

	public Optional<ApiKey> find(long id) {
		return this.jdbc
			.query("SELECT id, merchant_id, name, prefix, created_at, revoked_at FROM api_key WHERE id = ?",
					ApiKeys::key, id)
			.stream()
			.findFirst();
	}

	/**
	 * Revokes the key at once: its next request is refused. Revoking a revoked key
	 * changes nothing.
	 * @throws IllegalArgumentException when there is no such key
	 */
	public ApiKey revoke(long id) {
		this.jdbc.update("UPDATE api_key SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL", id);
		return find(id).orElseThrow(() -> new IllegalArgumentException("no API key with id " + id));
	}

	private static ApiKey key(ResultSet rs, int row) throws SQLException {
		return new ApiKey(rs.getLong("id"), rs.getString("merchant_id"), rs.getString("name"), rs.getString("prefix"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
	}

	private static String sha256(String secret) {
		return Sha256.of(secret.getBytes(StandardCharsets.US_ASCII));
	}

}
