package com.prompt2pixel.models.checks;

import java.util.List;

/**
 * What one check found on one image.
 *
 * @param check the check's name, e.g. {@code fidelity}
 * @param flag the reason an image is held when the check trips, e.g.
 * {@code PRODUCT_ALTERED}
 * @param score the check's score, 0 to 1 where higher is better (its meaning is the
 * check's own); null when the check did not run
 * @param problems what is wrong, one sentence each; empty when the image passed
 */
public record CheckResult(String check, String flag, Double score, List<String> problems) {

	public CheckResult {
		problems = List.copyOf(problems);
	}

	/** A check that could not run on this image, with why: never a pass. */
	public static CheckResult notRun(String check, String flag, String why) {
		return new CheckResult(check, flag, null, List.of(why));
	}

	public boolean ran() {
		return this.score != null;
	}

	/** Whether the image is held for this check: it tripped. */
	public boolean tripped() {
		return ran() && !this.problems.isEmpty();
	}

}
