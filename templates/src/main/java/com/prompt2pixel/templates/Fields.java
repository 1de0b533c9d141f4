package com.prompt2pixel.templates;

import java.util.List;
import java.util.Map;

/**
 * Typed access to one YAML mapping, with errors that say where the bad value is.
 */
final class Fields {

	private final String where;

	private final Map<String, Object> values;

	Fields(String where, Map<String, Object> values) {
		if (values == null) {
			throw new TemplateException(where + ": is empty");
		}
		this.where = where;
		this.values = values;
	}

	String text(String key) {
		Object value = this.values.get(key);
		if (!(value instanceof String text) || text.isBlank()) {
			throw error("'" + key + "' must be non-empty text");
		}
		return text;
	}

	int integer(String key, int min, int max) {
		Object value = this.values.get(key);
		if (!(value instanceof Integer number) || number < min || number > max) {
			throw error("'" + key + "' must be a whole number from " + min + " to " + max + ", was " + value);
		}
		return number;
	}

	double decimal(String key, double min, double max) {
		Object value = this.values.get(key);
		if (!(value instanceof Number number) || number.doubleValue() < min || number.doubleValue() > max) {
			throw error("'" + key + "' must be a number from " + min + " to " + max + ", was " + value);
		}
		return number.doubleValue();
	}

	@SuppressWarnings("unchecked")
	List<String> strings(String key) {
		Object value = this.values.get(key);
		if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
			throw error("'" + key + "' must be a list of text values");
		}
		return (List<String>) list;
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> list(String key) {
		Object value = this.values.get(key);
		if (!(value instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
			throw error("'" + key + "' must be a list of mappings");
		}
		return (List<Map<String, Object>>) list;
	}

	TemplateException error(String problem) {
		return new TemplateException(this.where + ": " + problem);
	}

}
