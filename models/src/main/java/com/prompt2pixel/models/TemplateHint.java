package com.prompt2pixel.models;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A scene template's choice among an enum's values by name, or {@code auto} (or none) for
 * the compositor to decide.
 */
final class TemplateHint {

	private TemplateHint() {
	}

	/**
	 * The value a hint names, empty for {@code auto} or null.
	 * @param what the hint's name in a message, e.g. {@code placement}
	 * @throws IllegalArgumentException for a name that is no value, listing them
	 */
	static <E extends Enum<E>> Optional<E> named(Class<E> type, String hint, String what) {
		String name = (hint == null) ? "auto" : hint.strip().toLowerCase(Locale.ROOT);
		if (name.equals("auto")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			String names = Arrays.stream(type.getEnumConstants())
				.map((value) -> value.name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
			throw new IllegalArgumentException(what + " '" + hint + "' is not one of auto, " + names, ex);
		}
	}

}
