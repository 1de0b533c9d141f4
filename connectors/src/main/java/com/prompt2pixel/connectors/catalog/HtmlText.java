package com.prompt2pixel.connectors.catalog;

import java.util.regex.Pattern;

/**
 * Plain text from the HTML that catalog descriptions often carry (Shopify's Body HTML).
 */
final class HtmlText {

	private static final Pattern BLOCK_BREAK = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/h[1-6])\\b[^>]*>");

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private HtmlText() {
	}

	static String toPlain(String html) {
		if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
			return html.strip().replaceAll("\\s+", " ");
		}
		String text = BLOCK_BREAK.matcher(html).replaceAll(" ");
		text = TAG.matcher(text).replaceAll("");
		text = text.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
		return text.strip().replaceAll("\\s+", " ");
	}

}
