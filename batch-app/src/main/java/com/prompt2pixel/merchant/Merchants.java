package com.prompt2pixel.merchant;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Merchant rows. A merchant is created the first time anything is done for it; its name
 * starts as its id and its locale as {@code en}.
 */
@Repository
public class Merchants {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

	private final JdbcTemplate jdbc;

	Merchants(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws IllegalArgumentException when the id is not 1-63 lowercase letters, digits,
	 * '-' or '_', starting with a letter or digit
	 */
	public static void checkId(String merchantId) {
		if (merchantId == null || !ID.matcher(merchantId).matches()) {
			throw new IllegalArgumentException("merchant id '" + merchantId
					+ "' must be 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit");
		}
	}

	/**
	 * @return null when the merchant exists, else why it cannot be used: for the caller
	 * to throw in its own terms
	 */
	public String unknown(String merchantId) {
		boolean exists = !this.jdbc.queryForList("SELECT 1 FROM merchant WHERE id = ?", Integer.class, merchantId)
			.isEmpty();
		return exists ? null : "no merchant '" + merchantId + "'; import a catalog for it first (import --catalog FILE "
				+ "--merchant " + merchantId + ")";
	}

	public void ensure(String merchantId) {
		this.jdbc.update("INSERT INTO merchant (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", merchantId,
				merchantId);
	}

	/** The merchant's locale, {@code en} for a merchant not seen yet. */
	public String locale(String merchantId) {
		return this.jdbc.queryForList("SELECT locale FROM merchant WHERE id = ?", String.class, merchantId)
			.stream()
			.findFirst()
			.orElse("en");
	}

	/**
	 * The merchant's plan, {@code free} or {@code paid}; empty for an unknown merchant.
	 */
	public Optional<String> plan(String merchantId) {
		return this.jdbc.queryForList("SELECT plan FROM merchant WHERE id = ?", String.class, merchantId)
			.stream()
			.map((plan) -> plan.toLowerCase(Locale.ROOT))
			.findFirst();
	}

	/**
	 * A merchant's plan: a paid plan's runs go ahead of free ones in their lane.
	 * @param plan {@code free} or {@code paid}
	 * @throws IllegalArgumentException for another plan or an unknown merchant
	 */
	public void setPlan(String merchantId, String plan) {
		String normalized = (plan == null) ? "" : plan.strip().toUpperCase(Locale.ROOT);
		if (!normalized.equals("FREE") && !normalized.equals("PAID")) {
			throw new IllegalArgumentException("plan must be free or paid, was '" + plan + "'");
		}
		if (this.jdbc.update("UPDATE merchant SET plan = ? WHERE id = ?", normalized, merchantId) == 0) {
			throw new IllegalArgumentException("no merchant '" + merchantId + "'");
		}
	}

	public void setLocale(String merchantId, String locale) {
		ensure(merchantId);
		this.jdbc.update("UPDATE merchant SET locale = ? WHERE id = ?", locale, merchantId);
	}

}
