package com.prompt2pixel.templates;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which products a template set is for. Every value matches case-insensitively: product
 * types and tags exactly, categories as a path prefix ("Home > Kitchen" matches "Home >
 * Kitchen > Mugs"), vendors exactly.
 *
 */
public final class MatchRules {

	public static final MatchRules NONE = new MatchRules(List.of(), List.of(), List.of(), List.of());

	private static final Pattern CATEGORY_SEPARATOR = Pattern.compile("\\s*>\\s*");

	private final List<String> productTypes;

	private final List<String> categories;

	private final List<String> tags;

	private final List<String> vendors;

	/** The values normalised once, not once per product. */
	private final Normalised normalised;

	public MatchRules(List<String> productTypes, List<String> categories, List<String> tags, List<String> vendors) {
		this.productTypes = List.copyOf(productTypes);
		this.categories = List.copyOf(categories);
		this.tags = List.copyOf(tags);
		this.vendors = List.copyOf(vendors);
		this.normalised = new Normalised(productTypes.stream().map(MatchRules::normalise).toList(),
				categories.stream().map(MatchRules::normaliseCategory).toList(),
				tags.stream().map(MatchRules::normalise).toList(),
				vendors.stream().map(MatchRules::normalise).toList());
	}

	public List<String> productTypes() {
		return this.productTypes;
	}

	public List<String> categories() {
		return this.categories;
	}

	public List<String> tags() {
		return this.tags;
	}

	public List<String> vendors() {
		return this.vendors;
	}

	/**
	 * The first rule the product meets, as {@code field=value}, in the order type,
	 * category, tag, vendor.
	 */
	public Optional<String> firstMatch(ProductFacts product) {
		return match(product).map(Match::rule);
	}

	/**
	 * The first rule the product meets, with how specific it is, so that sets can be
	 * compared: a product type beats a category, a longer category path a shorter one, a
	 * category a tag, a tag a vendor.
	 */
	public Optional<Match> match(ProductFacts product) {
		Normalised rules = this.normalised;
		String type = normalise(product.productType());
		for (int i = 0; i < this.productTypes.size(); i++) {
			if (!type.isEmpty() && type.equals(rules.productTypes().get(i))) {
				return Optional.of(new Match("product_type=" + this.productTypes.get(i), Match.TYPE));
			}
		}
		String category = normaliseCategory(product.category());
		Match longest = null;
		for (int i = 0; i < this.categories.size(); i++) {
			String prefix = rules.categories().get(i);
			if (!category.isEmpty() && (category.equals(prefix) || category.startsWith(prefix + ">"))) {
				int depth = Match.CATEGORY + (int) prefix.chars().filter((c) -> c == '>').count();
				if (longest == null || depth > longest.strength()) {
					longest = new Match("category=" + this.categories.get(i), depth);
				}
			}
		}
		if (longest != null) {
			return Optional.of(longest);
		}
		for (int i = 0; i < this.tags.size(); i++) {
			String tag = rules.tags().get(i);
			if (product.tags().stream().anyMatch((candidate) -> normalise(candidate).equals(tag))) {
				return Optional.of(new Match("tag=" + this.tags.get(i), Match.TAG));
			}
		}
		String vendor = normalise(product.vendor());
		for (int i = 0; i < this.vendors.size(); i++) {
			if (!vendor.isEmpty() && vendor.equals(rules.vendors().get(i))) {
				return Optional.of(new Match("vendor=" + this.vendors.get(i), Match.VENDOR));
			}
		}
		return Optional.empty();
	}

	/**
	 * A rule a product meets.
	 *
	 * @param rule {@code field=value}
	 * @param strength higher for a more specific rule
	 */
	public record Match(String rule, int strength) {

		static final int VENDOR = 0;

		static final int TAG = 1;

		/** Plus the number of {@code >} in the matched path. */
		static final int CATEGORY = 2;

		static final int TYPE = 1000;

	}

	private record Normalised(List<String> productTypes, List<String> categories, List<String> tags,
			List<String> vendors) {

	}

	private static String normalise(String value) {
		return value.strip().toLowerCase(Locale.ROOT);
	}

	private static String normaliseCategory(String value) {
		String normalised = normalise(value);
		return (normalised.indexOf('>') < 0) ? normalised : CATEGORY_SEPARATOR.matcher(normalised).replaceAll(">");
	}

}
