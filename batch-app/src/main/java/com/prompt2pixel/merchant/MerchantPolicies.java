package com.prompt2pixel.merchant;

import java.util.List;

import com.prompt2pixel.templates.PromptPolicy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The prompt policy per merchant: the built-in blocked terms of the merchant's locale
 * plus the terms the merchant blocked.
 */
@Component
public class MerchantPolicies {

	private final PromptPolicy builtIn = PromptPolicy.builtIn();

	private final JdbcTemplate jdbc;

	private final Merchants merchants;

	MerchantPolicies(JdbcTemplate jdbc, Merchants merchants) {
		this.jdbc = jdbc;
		this.merchants = merchants;
	}

	public MerchantPolicy forMerchant(String merchantId) {
		return new MerchantPolicy(this.builtIn.withMerchantTerms(blockedTerms(merchantId)),
				this.merchants.locale(merchantId));
	}

	public List<String> blockedTerms(String merchantId) {
		return this.jdbc.queryForList("SELECT term FROM merchant_blocked_term WHERE merchant_id = ? ORDER BY term",
				String.class, merchantId);
	}

	/** Adds terms to the merchant's own list; adding a term twice changes nothing. */
	public void block(String merchantId, List<String> terms) {
		this.merchants.ensure(merchantId);
		for (String term : terms) {
			if (term.isBlank()) {
				throw new IllegalArgumentException("a blocked term must not be empty");
			}
			this.jdbc.update(
					"INSERT INTO merchant_blocked_term (merchant_id, term) VALUES (?, ?) ON CONFLICT DO NOTHING",
					merchantId, term.strip());
		}
	}

	/**
	 * @param policy the policy to apply
	 * @param locale the merchant's locale
	 */
	public record MerchantPolicy(PromptPolicy policy, String locale) {

		public String violation(String prompt) {
			return this.policy.violation(prompt, this.locale).orElse(null);
		}

	}

}
