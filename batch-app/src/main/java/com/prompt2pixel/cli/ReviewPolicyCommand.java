package com.prompt2pixel.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.prompt2pixel.moderate.ReviewPolicies;
import com.prompt2pixel.moderate.ReviewPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code review-policy}: which of a merchant's images a person sees before they are
 * published.
 */
@Command(name = "review-policy", mixinStandardHelpOptions = true,
		description = "Sets a merchant's review policy for images moderated from now on: auto (images that pass "
				+ "every check are approved), all (every image is held for review) or sample (a share of the "
				+ "passing images is held, for quality control). Flagged images are always held.")
class ReviewPolicyCommand implements Callable<Integer> {

	@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
	String merchant;

	@Option(names = "--policy", required = true, paramLabel = "auto|all|sample", description = "the policy")
	String policy;

	@Option(names = "--sample-percent", paramLabel = "N",
			description = "with sample: the share of passing images held, 0 to 100")
	Integer samplePercent;

	@Override
	public Integer call() {
		ReviewPolicy policy;
		try {
			ReviewPolicy.Mode mode = ReviewPolicy.Mode.parse(this.policy);
			if (mode == ReviewPolicy.Mode.SAMPLE && this.samplePercent == null) {
				throw new IllegalArgumentException("the policy 'sample' needs --sample-percent N");
			}
			policy = new ReviewPolicy(mode, (this.samplePercent != null) ? this.samplePercent : 0);
		}
		catch (IllegalArgumentException ex) {
			// refused before the application starts: nothing is written
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		return OneShot.run((context) -> {
			context.getBean(ReviewPolicies.class).set(this.merchant, policy, ReviewCommand.actor());
			String share = (policy.mode() == ReviewPolicy.Mode.SAMPLE) ? " (" + policy.samplePercent() + "%)" : "";
			return OneShot.Output.ok(List.of("merchant " + this.merchant + ": review policy "
					+ policy.mode().name().toLowerCase(Locale.ROOT) + share));
		});
	}

}
