package com.prompt2pixel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.prompt2pixel.merchant.MerchantPolicies;
import com.prompt2pixel.merchant.Merchants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code policy}: a merchant's additions to the prompt policy, and its locale.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
		description = "Blocks terms in a merchant's prompts (a competitor's brand, say) and sets the locale "
				+ "whose built-in blocked terms apply; prints the merchant's policy.")
class PolicyCommand implements Callable<Integer> {

	@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
	String merchant;

	@Option(names = "--block", paramLabel = "TERM", description = "a term to block; repeatable")
	List<String> block = new ArrayList<>();

	@Option(names = "--locale", paramLabel = "LOCALE", description = "e.g. en, de, fr-CA")
	String locale;

	@Override
	public Integer call() {
		if (this.locale != null && !this.locale.matches("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?")) {
			System.err.println("error: locale '" + this.locale + "' is not a language tag such as en or de-AT");
			return Cli.BAD_INPUT;
		}
		return OneShot.run((context) -> {
			MerchantPolicies policies = context.getBean(MerchantPolicies.class);
			Merchants merchants = context.getBean(Merchants.class);
			if (this.locale != null) {
				merchants.setLocale(this.merchant, this.locale);
			}
			policies.block(this.merchant, this.block);
			return OneShot.Output.ok(List.of("merchant " + this.merchant + ", locale " + merchants.locale(this.merchant)
					+ ", blocked terms: " + String.join(", ", policies.blockedTerms(this.merchant))));
		});
	}

}
