package com.prompt2pixel.templates;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * A compiled prompt template. The language is Pebble ({@code {{ title | lower }}},
 * {@code {% if vendor is not empty %}...{% endif %}}) with strict variables, so an
 * unknown field is an error, and no escaping: product text is substituted as data and
 * never parsed, so a title containing template syntax comes out literally. Errors name
 * the template file and line.
 */
final class PromptTemplate {

	private static final PebbleEngine ENGINE = new PebbleEngine.Builder().loader(new StringLoader())
		.autoEscaping(false)
		.strictVariables(true)
		.newLineTrimming(false)
		.cacheActive(false)
		.extension(new PromptFilters())
		.build();

	private final PebbleTemplate template;

	private final YamlNode node;

	private final String key;

	private final int firstLine;

	private PromptTemplate(PebbleTemplate template, YamlNode node, String key, int firstLine) {
		this.template = template;
		this.node = node;
		this.key = key;
		this.firstLine = firstLine;
	}

	/**
	 * Compiles the template held by a YAML value.
	 * @throws TemplateException naming the file and line of a syntax error or an unknown
	 * filter
	 */
	static PromptTemplate compile(YamlNode node, String key) {
		String source = node.scalar(key);
		// a block scalar's text starts on the line after its "|" or ">"
		int firstLine = node.isBlockScalar() ? node.line() + 1 : node.line();
		try {
			return new PromptTemplate(ENGINE.getTemplate(source), node, key, firstLine);
		}
		catch (PebbleException ex) {
			throw node.error(fileLine(firstLine, ex), "'" + key + "': " + ex.getPebbleMessage());
		}
	}

	/** Renders with whitespace collapsed to single spaces. */
	String render(Map<String, Object> fields) {
		StringWriter out = new StringWriter(256);
		try {
			this.template.evaluate(out, fields);
		}
		catch (PebbleException ex) {
			throw this.node.error(fileLine(this.firstLine, ex), "'" + this.key + "': " + ex.getPebbleMessage());
		}
		catch (RuntimeException ex) {
			throw this.node.error(this.firstLine, "'" + this.key + "': " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return collapseWhitespace(out.toString());
	}

	/**
	 * Runs of whitespace (line breaks from block scalars, indentation) as single spaces.
	 */
	private static String collapseWhitespace(String text) {
		if (isCollapsed(text)) {
			return text;
		}
		StringBuilder collapsed = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				space = !collapsed.isEmpty();
			}
			else {
				if (space) {
					collapsed.append(' ');
					space = false;
				}
				collapsed.append(c);
			}
		}
		return collapsed.toString();
	}

	private static boolean isCollapsed(String text) {
		if (text.isEmpty()) {
			return true;
		}
		if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
			return false;
		}
		for (int i = 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != ' ' && Character.isWhitespace(c) || c == ' ' && text.charAt(i - 1) == ' ') {
				return false;
			}
		}
		return true;
	}

	private static int fileLine(int firstLine, PebbleException ex) {
		return (ex.getLineNumber() != null) ? firstLine + ex.getLineNumber() - 1 : firstLine;
	}

}
