package com.prompt2pixel.moderate;

import com.prompt2pixel.merchant.Merchants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The merchants' review policies ({@code review_policy}, owned here). A merchant without
 * one is {@link ReviewPolicy#AUTO}.
 */
@Service
public class ReviewPolicies {

	private final JdbcTemplate jdbc;

	private final Merchants merchants;

	ReviewPolicies(JdbcTemplate jdbc, Merchants merchants) {
		this.jdbc = jdbc;
		this.merchants = merchants;
	}

	public ReviewPolicy of(String merchantId) {
		return this.jdbc
			.query("SELECT policy, sample_percent FROM review_policy WHERE merchant_id = ?",
					(rs, row) -> new ReviewPolicy(ReviewPolicy.Mode.valueOf(rs.getString(1)), rs.getInt(2)), merchantId)
			.stream()
			.findFirst()
			.orElse(ReviewPolicy.AUTO);
	}

	/**
	 * Sets the merchant's policy; it applies to images moderated from now on. A merchant
	 * not seen yet is made, as {@code policy} makes one: a new merchant may want every
	 * image reviewed from its first run.
	 * @param by who set it, for the record
	 * @throws IllegalArgumentException for a merchant id that is not one
	 */
	public void set(String merchantId, ReviewPolicy policy, String by) {
		Merchants.checkId(merchantId);
		this.merchants.ensure(merchantId);
		this.jdbc.update("""
				INSERT INTO review_policy (merchant_id, policy, sample_percent, updated_by)
				VALUES (?, ?, ?, ?)
				ON CONFLICT (merchant_id) DO UPDATE SET policy = excluded.policy,
				    sample_percent = excluded.sample_percent, updated_by = excluded.updated_by, updated_at = now()""",
				merchantId, policy.mode().name(), policy.samplePercent(), by);
	}

}
