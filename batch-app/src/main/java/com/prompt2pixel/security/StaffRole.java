package com.prompt2pixel.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a member of staff may do: an {@code ADMIN} everything (accounts, keys, settings),
 * an {@code OPERATOR} runs and schedules, a {@code REVIEWER} the review of flagged
 * images.
 */
public enum StaffRole {

	ADMIN, OPERATOR, REVIEWER;

	/** Spring Security's authority for the role. */
	String authority() {
		return "ROLE_" + name();
	}

	/**
	 * @throws IllegalArgumentException naming the roles there are
	 */
	public static StaffRole parse(String role) {
		String normalized = (role == null) ? "" : role.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((candidate) -> candidate.name().equals(normalized))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("role must be one of " + Arrays.stream(values())
				.map((candidate) -> candidate.name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", ")) + ", was '" + role + "'"));
	}

}
