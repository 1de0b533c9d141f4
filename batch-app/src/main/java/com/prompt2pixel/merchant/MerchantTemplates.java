package com.prompt2pixel.merchant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.prompt2pixel.templates.CompiledTemplateSet;
import com.prompt2pixel.templates.PromptExpander;
import com.prompt2pixel.templates.TemplateException;
import com.prompt2pixel.templates.TemplateLibrary;
import com.prompt2pixel.templates.TemplateSets;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The template sets a merchant can use: its own saved sets (same YAML format as the
 * library, versioned in {@code scene_template_set}) ahead of the built-in library.
 */
@Component
public class MerchantTemplates {

	private static final String LATEST = """
			SELECT DISTINCT ON (set_id) set_id, version, yaml
			FROM scene_template_set
			WHERE merchant_id = ?
			ORDER BY set_id, version DESC""";

	private final TemplateLibrary library = TemplateLibrary.fromClasspath();

	private final JdbcTemplate jdbc;

	private final Merchants merchants;

	MerchantTemplates(JdbcTemplate jdbc, Merchants merchants) {
		this.jdbc = jdbc;
		this.merchants = merchants;
	}

	/**
	 * The expander for a run: every product gets {@code setId} when it is given, else the
	 * merchant's set whose rules the product meets most specifically, else the library's,
	 * else the generic set.
	 * @throws TemplateException when {@code setId} names no set
	 */
	public PromptExpander expander(String merchantId, String setId) {
		if (setId != null) {
			return PromptExpander.forSet(find(merchantId, setId));
		}
		return PromptExpander.matching(saved(merchantId), this.library.all(),
				this.library.load(TemplateLibrary.FALLBACK_SET));
	}

	/**
	 * @throws TemplateException when the merchant has no such set and neither has the
	 * library
	 */
	public CompiledTemplateSet find(String merchantId, String setId) {
		Optional<CompiledTemplateSet> own = saved(merchantId).stream()
			.filter((set) -> set.set().id().equals(setId))
			.findFirst();
		if (own.isPresent()) {
			return own.get();
		}
		if (this.library.setIds().contains(setId)) {
			return this.library.load(setId);
		}
		Set<String> available = new LinkedHashSet<>(savedIds(merchantId));
		available.addAll(this.library.setIds());
		throw new TemplateException("unknown template set '" + setId + "'; available: " + String.join(", ", available));
	}

	/** The sets a merchant's run may name: its own first, then the library's. */
	public List<String> available(String merchantId) {
		Set<String> available = new LinkedHashSet<>(savedIds(merchantId));
		available.addAll(this.library.setIds());
		return List.copyOf(available);
	}

	/** The latest version of each of the merchant's saved sets, by name. */
	public List<CompiledTemplateSet> saved(String merchantId) {
		return this.jdbc.query(LATEST,
				(rs, row) -> TemplateSets.parse(rs.getString("set_id"),
						"merchant " + merchantId + " set " + rs.getString("set_id") + " v" + rs.getInt("version"),
						rs.getString("yaml")),
				merchantId);
	}

	private List<String> savedIds(String merchantId) {
		return this.jdbc.queryForList("SELECT DISTINCT set_id FROM scene_template_set WHERE merchant_id = ? ORDER BY 1",
				String.class, merchantId);
	}

	/**
	 * Validates a set and stores it as the merchant's next version of it; saving the same
	 * content again stores nothing.
	 * @param fileName the file the YAML came from, named in error messages
	 * @return the version that now holds the content
	 * @throws TemplateException naming the file, line, template and problem; nothing is
	 * stored
	 */
	@Transactional
	public int save(String merchantId, String setId, String fileName, String yaml) {
		TemplateSets.parse(setId, fileName, yaml);
		this.merchants.ensure(merchantId);
		Optional<StoredSet> latest = this.jdbc
			.query("SELECT version, yaml FROM scene_template_set WHERE merchant_id = ? AND set_id = ? "
					+ "ORDER BY version DESC LIMIT 1 FOR UPDATE",
					(rs, row) -> new StoredSet(rs.getInt("version"), rs.getString("yaml")), merchantId, setId)
			.stream()
			.findFirst();
		if (latest.isPresent() && latest.get().yaml().equals(yaml)) {
			return latest.get().version();
		}
		int version = latest.map((stored) -> stored.version() + 1).orElse(1);
		this.jdbc.update("INSERT INTO scene_template_set (merchant_id, set_id, version, yaml) VALUES (?, ?, ?, ?)",
				merchantId, setId, version, yaml);
		return version;
	}

	private record StoredSet(int version, String yaml) {

	}

}
