package com.prompt2pixel.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a prompt may not say: blocked terms per locale (every locale's list also applies
 * the common {@code all} list), a merchant's own additions (a competitor's brand, say),
 * and a maximum length. Terms are matched as whole words after normalising away the usual
 * evasions: case, accents, leetspeak digits and symbols ({@code n00d3}), and letters
 * split by spaces or punctuation ({@code n.u.d.e}, {@code n u d e}). Whole-word matching
 * keeps "glass" clear of "ass".
 */
public final class PromptPolicy {

	private static final String ALL_LOCALES = "all";

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private final Map<String, List<Term>> blockedByLocale;

	private final List<Term> merchantTerms;

	private final int maxPromptLength;

	private final Matcher merchantMatcher;

	/** Matchers per language, built on first use. */
	private final Map<String, Matcher> compiled = new ConcurrentHashMap<>();

	private PromptPolicy(Map<String, List<Term>> blockedByLocale, List<Term> merchantTerms, int maxPromptLength) {
		this.blockedByLocale = blockedByLocale;
		this.merchantTerms = List.copyOf(merchantTerms);
		this.merchantMatcher = Matcher.of(this.merchantTerms);
		this.maxPromptLength = maxPromptLength;
	}

	/** The built-in policy from {@code policy/prompt-policy.yaml} on the classpath. */
	public static PromptPolicy builtIn() {
		String file = "policy/prompt-policy.yaml";
		try (InputStream in = PromptPolicy.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new TemplateException(file + " is missing from the classpath");
			}
			return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	static PromptPolicy parse(String file, String yaml) {
		YamlNode root = YamlNode.parse(file, yaml);
		YamlNode blocked = root.required("blocked");
		Map<String, List<Term>> byLocale = new LinkedHashMap<>();
		for (String language : blocked.keys()) {
			byLocale.put(language.toLowerCase(Locale.ROOT), blocked.strings(language).stream().map(Term::of).toList());
		}
		return new PromptPolicy(byLocale, List.of(), root.integer("max_prompt_length", 50, 10_000, null));
	}

	/** This policy plus a merchant's own blocked terms. */
	public PromptPolicy withMerchantTerms(List<String> terms) {
		return new PromptPolicy(this.blockedByLocale, terms.stream().map(Term::of).toList(), this.maxPromptLength);
	}

	/**
	 * Why the prompt is blocked, or empty when it may be rendered.
	 * @param locale the merchant's locale, e.g. {@code en} or {@code de-AT}
	 */
	public Optional<String> violation(String prompt, String locale) {
		if (prompt.length() > this.maxPromptLength) {
			return Optional
				.of("prompt is " + prompt.length() + " characters, more than the maximum of " + this.maxPromptLength);
		}
		Views views = Views.of(prompt);
		String language = languageOf(locale);
		Optional<Term> blocked = views.firstOf(this.compiled.computeIfAbsent(language, this::compile));
		if (blocked.isPresent()) {
			return Optional
				.of("prompt contains the blocked term '" + blocked.get().original() + "' (policy " + language + ")");
		}
		Optional<Term> merchant = views.firstOf(this.merchantMatcher);
		if (merchant.isPresent()) {
			return Optional
				.of("prompt contains the term '" + merchant.get().original() + "' that the merchant blocked");
		}
		return Optional.empty();
	}

	private Matcher compile(String language) {
		List<Term> terms = new ArrayList<>(this.blockedByLocale.getOrDefault(ALL_LOCALES, List.of()));
		terms.addAll(this.blockedByLocale.getOrDefault(language, List.of()));
		return Matcher.of(terms);
	}

	private static String languageOf(String locale) {
		String language = (locale != null) ? locale.strip().toLowerCase(Locale.ROOT) : "";
		int separator = language.indexOf('-') >= 0 ? language.indexOf('-') : language.indexOf('_');
		return (separator > 0) ? language.substring(0, separator) : (language.isEmpty() ? "en" : language);
	}

	/** Lowercase, without accents, with leetspeak digits and symbols read as letters. */
	static String fold(String text) {
		String plain = isAscii(text) ? text
				: MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		StringBuilder folded = new StringBuilder(plain.length());
		for (int i = 0; i < plain.length(); i++) {
			char c = Character.toLowerCase(plain.charAt(i));
			folded.append(switch (c) {
				case '0' -> 'o';
				case '1', '!', '|' -> 'i';
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7' -> 't';
				case '8' -> 'b';
				default -> c;
			});
		}
		return folded.toString();
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 127) {
				return false;
			}
		}
		return true;
	}

	/** Words of letters and digits, split at everything else. */
	static List<String> wordsOf(String folded) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= folded.length(); i++) {
			char c = (i < folded.length()) ? folded.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				word.append(c);
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				word.setLength(0);
			}
		}
		return words;
	}

	/**
	 * A blocked term, read the way prompts are.
	 *
	 * @param original as written in the policy
	 * @param words its words
	 * @param squashed its letters and digits run together
	 */
	record Term(String original, List<String> words, String squashed) {

		static Term of(String term) {
			List<String> words = wordsOf(fold(term));
			return new Term(term, words, String.join("", words));
		}

		String spaced() {
			return " " + String.join(" ", this.words) + " ";
		}

	}

	/**
	 * Terms ready to look up: one-word terms by their word, longer ones in a list.
	 */
	record Matcher(Map<String, Term> byWord, List<Term> phrases, List<Term> all) {

		static Matcher of(List<Term> terms) {
			Map<String, Term> byWord = new HashMap<>();
			List<Term> phrases = new ArrayList<>();
			for (Term term : terms) {
				if (term.words().size() == 1) {
					byWord.putIfAbsent(term.words().get(0), term);
				}
				else if (term.words().size() > 1) {
					phrases.add(term);
					byWord.putIfAbsent(term.squashed(), term);
				}
			}
			return new Matcher(byWord, phrases, terms);
		}

	}

	/**
	 * Three readings of a prompt, so that evasions show up in at least one: its words
	 * split at every non-letter ("nu-de" -> "nu", "de"); its whitespace-separated tokens
	 * with punctuation inside them dropped ("n.u.d.e" -> "nude"); and runs of single
	 * letters joined ("n u d e" -> "nude").
	 */
	record Views(List<String> words, List<String> tokens, List<String> spelled) {

		static Views of(String prompt) {
			String folded = fold(prompt);
			List<String> tokens = new ArrayList<>();
			List<String> spelled = new ArrayList<>();
			StringBuilder token = new StringBuilder();
			StringBuilder run = new StringBuilder();
			for (int i = 0; i <= folded.length(); i++) {
				char c = (i < folded.length()) ? folded.charAt(i) : ' ';
				if (!Character.isWhitespace(c)) {
					if (Character.isLetterOrDigit(c)) {
						token.append(c);
					}
					continue;
				}
				if (token.isEmpty()) {
					continue;
				}
				tokens.add(token.toString());
				if (token.length() == 1) {
					run.append(token);
				}
				else {
					if (run.length() > 1) {
						spelled.add(run.toString());
					}
					run.setLength(0);
				}
				token.setLength(0);
			}
			if (run.length() > 1) {
				spelled.add(run.toString());
			}
			return new Views(wordsOf(folded), tokens, spelled);
		}

		Optional<Term> firstOf(Matcher matcher) {
			for (List<String> reading : List.of(this.words, this.tokens)) {
				for (String word : reading) {
					Term term = matcher.byWord().get(word);
					if (term != null) {
						return Optional.of(term);
					}
				}
			}
			if (!matcher.phrases().isEmpty()) {
				String words = " " + String.join(" ", this.words) + " ";
				String tokens = " " + String.join(" ", this.tokens) + " ";
				for (Term phrase : matcher.phrases()) {
					if (words.contains(phrase.spaced()) || tokens.contains(phrase.spaced())) {
						return Optional.of(phrase);
					}
				}
			}
			for (String run : this.spelled) {
				for (Term term : matcher.all()) {
					if (term.squashed().length() >= 3 && run.contains(term.squashed())) {
						return Optional.of(term);
					}
				}
			}
			return Optional.empty();
		}

	}

}
