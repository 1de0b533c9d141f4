package com.prompt2pixel.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in template sets, one YAML file per vertical in {@code scene-templates/} on
 * the classpath, listed in {@code scene-templates/sets.txt} in matching order. Loaded and
 * validated once; a bad built-in template fails the first use of the library.
 */
public final class TemplateLibrary {

	/** The set products get when no set's match rules fit them. */
	public static final String FALLBACK_SET = "generic";

	private static final TemplateLibrary CLASSPATH = new TemplateLibrary(TemplateLibrary.class.getClassLoader(),
			"scene-templates/");

	private final ClassLoader classLoader;

	private final String folder;

	private volatile Map<String, CompiledTemplateSet> sets;

	TemplateLibrary(ClassLoader classLoader, String folder) {
		this.classLoader = classLoader;
		this.folder = folder;
	}

	public static TemplateLibrary fromClasspath() {
		return CLASSPATH;
	}

	/** The names of the sets, in matching order. */
	public List<String> setIds() {
		return List.copyOf(sets().keySet());
	}

	/** Every set, in matching order. */
	public List<CompiledTemplateSet> all() {
		return List.copyOf(sets().values());
	}

	/**
	 * One set.
	 * @throws TemplateException when there is no such set
	 */
	public CompiledTemplateSet load(String setId) {
		CompiledTemplateSet set = sets().get(setId);
		if (set == null) {
			throw new TemplateException(
					"unknown template set '" + setId + "'; available: " + String.join(", ", setIds()));
		}
		return set;
	}

	/**
	 * An expander that matches each product to its vertical's set, with the generic set
	 * as fallback.
	 */
	public PromptExpander matchingExpander() {
		return PromptExpander.matching(all(), load(FALLBACK_SET));
	}

	private Map<String, CompiledTemplateSet> sets() {
		Map<String, CompiledTemplateSet> loaded = this.sets;
		if (loaded == null) {
			synchronized (this) {
				if (this.sets == null) {
					this.sets = loadAll();
				}
				loaded = this.sets;
			}
		}
		return loaded;
	}

	private Map<String, CompiledTemplateSet> loadAll() {
		String index = read(this.folder + "sets.txt");
		if (index == null) {
			throw new TemplateException(this.folder + "sets.txt is missing from the classpath");
		}
		Map<String, CompiledTemplateSet> loaded = new LinkedHashMap<>();
		for (String id : Arrays.stream(index.split("\\R"))
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.toList()) {
			String file = this.folder + id + ".yaml";
			String yaml = read(file);
			if (yaml == null) {
				throw new TemplateException(
						"template set '" + id + "' is listed in sets.txt but " + file + " is missing");
			}
			loaded.put(id, TemplateSets.parse(id, file, yaml));
		}
		return loaded;
	}

	private String read(String resource) {
		try (InputStream in = this.classLoader.getResourceAsStream(resource)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

}
