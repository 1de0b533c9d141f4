package com.prompt2pixel.templates;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed access to a YAML node that keeps line numbers, so every error names the file and
 * the line of the bad value.
 */
final class YamlNode {

	private final String file;

	private final String context;

	private final Node node;

	private YamlNode(String file, String context, Node node) {
		this.file = file;
		this.context = context;
		this.node = node;
	}

	static YamlNode parse(String file, String yaml) {
		try {
			Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
			if (root == null) {
				throw new TemplateException(file + ":1: the file is empty");
			}
			return new YamlNode(file, "", root);
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 1;
			throw new TemplateException(file + ":" + line + ": not valid YAML: " + ex.getProblem(), ex);
		}
		catch (YAMLException ex) {
			throw new TemplateException(file + ": not valid YAML: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The same node, with messages that name what it defines (e.g. "template
	 * 'packshot'").
	 */
	YamlNode about(String what) {
		return new YamlNode(this.file, what, this.node);
	}

	String file() {
		return this.file;
	}

	/** 1-based line the node starts on. */
	int line() {
		return this.node.getStartMark().getLine() + 1;
	}

	Optional<YamlNode> child(String key) {
		if (!(this.node instanceof MappingNode mapping)) {
			throw error("must be a mapping of keys to values");
		}
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
				return Optional.of(new YamlNode(this.file, this.context, tuple.getValueNode()));
			}
		}
		return Optional.empty();
	}

	/** The keys of a mapping, in file order. */
	List<String> keys() {
		if (!(this.node instanceof MappingNode mapping)) {
			throw error("must be a mapping of keys to values");
		}
		return mapping.getValue()
			.stream()
			.map(NodeTuple::getKeyNode)
			.filter(ScalarNode.class::isInstance)
			.map((key) -> ((ScalarNode) key).getValue())
			.toList();
	}

	YamlNode required(String key) {
		return child(key).orElseThrow(() -> error("'" + key + "' is missing"));
	}

	String text(String key) {
		YamlNode value = required(key);
		String text = value.scalar(key);
		if (text.isBlank()) {
			throw value.error("'" + key + "' must not be empty");
		}
		return text;
	}

	String text(String key, String fallback) {
		return child(key).map((value) -> value.scalar(key)).orElse(fallback);
	}

	int integer(String key, int min, int max, Integer fallback) {
		return number(key, min, max, fallback, Integer::valueOf, "a whole number").intValue();
	}

	double decimal(String key, double min, double max, Double fallback) {
		return number(key, min, max, fallback, Double::valueOf, "a number").doubleValue();
	}

	private Number number(String key, double min, double max, Number fallback, Function<String, Number> parse,
			String kind) {
		Optional<YamlNode> value = child(key);
		if (value.isEmpty() && fallback != null) {
			return fallback;
		}
		YamlNode present = value.orElseThrow(() -> error("'" + key + "' is missing"));
		String text = present.scalar(key);
		try {
			Number number = parse.apply(text);
			if (number.doubleValue() >= min && number.doubleValue() <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw present
			.error("'" + key + "' must be " + kind + " from " + format(min) + " to " + format(max) + ", was " + text);
	}

	/** Whole bounds without a decimal point, so messages read "from 64 to 4096". */
	private static String format(double bound) {
		return (bound == Math.rint(bound) && Math.abs(bound) < 1e15) ? Long.toString((long) bound)
				: Double.toString(bound);
	}

	List<String> strings(String key) {
		Optional<YamlNode> value = child(key);
		if (value.isEmpty()) {
			return List.of();
		}
		List<String> strings = new ArrayList<>();
		for (YamlNode item : value.get().items(key)) {
			strings.add(item.scalar(key));
		}
		return List.copyOf(strings);
	}

	List<YamlNode> items(String key) {
		if (!(this.node instanceof SequenceNode sequence)) {
			throw error("'" + key + "' must be a list");
		}
		return sequence.getValue().stream().map((item) -> new YamlNode(this.file, this.context, item)).toList();
	}

	boolean isScalar() {
		return this.node instanceof ScalarNode;
	}

	/**
	 * Whether a scalar is a block scalar ({@code |} or {@code >}), whose text starts on
	 * the next line.
	 */
	boolean isBlockScalar() {
		return this.node instanceof ScalarNode scalar && scalar.getScalarStyle().getChar() != null
				&& (scalar.getScalarStyle().getChar() == '|' || scalar.getScalarStyle().getChar() == '>');
	}

	String scalar(String key) {
		if (!(this.node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
			throw error("'" + key + "' must be a single value");
		}
		return scalar.getValue();
	}

	TemplateException error(String problem) {
		return error(line(), problem);
	}

	TemplateException error(int line, String problem) {
		return new TemplateException(
				this.file + ":" + line + ": " + (this.context.isEmpty() ? "" : this.context + ": ") + problem);
	}

}
