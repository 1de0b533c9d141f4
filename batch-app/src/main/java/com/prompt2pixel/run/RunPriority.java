package com.prompt2pixel.run;

import com.prompt2pixel.window.InvalidScheduleException;
import java.util.Locale;

/**
 * The lane a submitted run waits in: on-demand runs ignore the generation windows and go
 * first; batch runs wait for their pool's window.
 */
public enum RunPriority {

	ON_DEMAND, BATCH;

	/** As the CLI and the API write it: {@code on-demand}, {@code batch}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * @param text {@code on-demand} or {@code batch}
	 * @throws InvalidScheduleException for anything else
	 */
	public static RunPriority parse(String text) {
		return switch ((text == null) ? "" : text.strip().toLowerCase(Locale.ROOT)) {
			case "on-demand" -> ON_DEMAND;
			case "batch" -> BATCH;
			default -> throw new InvalidScheduleException("priority must be on-demand or batch, was '" + text + "'");
		};
	}

}
