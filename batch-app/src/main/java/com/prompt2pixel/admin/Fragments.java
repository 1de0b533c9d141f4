package com.prompt2pixel.admin;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.stereotype.Component;

/**
 * Renders one fragment of a page outside a request, for the live updates: the same markup
 * the page itself shows, from the same template. Such a fragment writes its links as
 * plain paths ({@code |/runs/${id}|}), since link expressions need a request.
 */
@Component
class Fragments {

	private final SpringTemplateEngine engine;

	Fragments(SpringTemplateEngine engine) {
		this.engine = engine;
	}

	String render(String template, String fragment, Map<String, Object> variables) {
		Context context = new Context(Locale.ENGLISH, variables);
		context.setVariable("fmt", Formats.INSTANCE);
		return this.engine.process(template, Set.of(fragment), context);
	}

}
