package com.prompt2pixel.templates;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * Filters for prompt templates beyond Pebble's own ({@code lower}, {@code title},
 * {@code trim}, {@code abbreviate}, {@code striptags}, {@code default}, {@code join},
 * ...): {@code words(n)} keeps the first n words, {@code plain} turns HTML into text, and
 * {@code sentence} keeps the first sentence.
 */
final class PromptFilters extends AbstractExtension {

	@Override
	public Map<String, Filter> getFilters() {
		return Map.of("words", new Words(), "plain", new Plain(), "sentence", new Sentence());
	}

	static String plain(String html) {
		return HtmlText.toPlain(html);
	}

	private static String text(Object input) {
		return (input != null) ? input.toString() : "";
	}

	private static final class Words implements Filter {

		@Override
		public List<String> getArgumentNames() {
			return List.of("count");
		}

		@Override
		public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
				int lineNumber) {
			Object count = args.get("count");
			if (!(count instanceof Number number) || number.intValue() < 1) {
				throw new IllegalArgumentException("words(n) needs a positive whole number, was " + count);
			}
			String[] words = text(input).strip().split("\\s+");
			return String.join(" ", Arrays.copyOf(words, Math.min(words.length, number.intValue())));
		}

	}

	private static final class Plain implements Filter {

		@Override
		public List<String> getArgumentNames() {
			return List.of();
		}

		@Override
		public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
				int lineNumber) {
			return plain(text(input));
		}

	}

	private static final class Sentence implements Filter {

		@Override
		public List<String> getArgumentNames() {
			return List.of();
		}

		@Override
		public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
				int lineNumber) {
			String text = text(input).strip();
			int end = text.indexOf(". ");
			return (end >= 0) ? text.substring(0, end + 1) : text;
		}

	}

}
