package com.prompt2pixel.templates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {

	@Test
	void shouldRemoveTagsAndBreakTextWhereBlocksEnd() {
		assertThat(HtmlText.toPlain("<p>Holds 350&nbsp;ml,<br>dishwasher <strong>safe</strong></p><p>Two</p>"))
			.isEqualTo("Holds 350 ml, dishwasher safe Two");
		assertThat(HtmlText.toPlain("<ul><li>One</li><li>Two</li></ul><h2>Care</h2>Hand<BR/>wash"))
			.isEqualTo("One Two Care Hand wash");
	}

	@Test
	void shouldDecodeEntitiesAndCollapseWhitespace() {
		assertThat(HtmlText
			.toPlain("  Salt &amp; pepper &lt;set&gt; &quot;duo&quot; &#39;mini&#39; &#8364;5 &#x263A;\n\t"))
			.isEqualTo("Salt & pepper <set> \"duo\" 'mini' €5 ☺");
	}

	@Test
	void shouldLeavePlainTextAndStrayAmpersandsAlone() {
		assertThat(HtmlText.toPlain("Fish & chips plate")).isEqualTo("Fish & chips plate");
		assertThat(HtmlText.toPlain("")).isEmpty();
		assertThat(HtmlText.toPlain("a <b unclosed")).isEqualTo("a <b unclosed");
	}

	@Test
	void shouldDecodeEveryNamedEntityNotOnlyTheCommonOnes() {
		assertThat(
				HtmlText.toPlain("<p>Caf&eacute; au lait &ndash; it&rsquo;s &laquo;tr&egrave;s&raquo; bon&hellip;</p>"))
			.isEqualTo("Café au lait – it’s «très» bon…");
		assertThat(HtmlText.toPlain("&apos;quoted&apos; &copy;2026 &trade; &#128512;"))
			.isEqualTo("'quoted' ©2026 ™ 😀");
	}

	@Test
	void shouldKeepEncodedMarkupAsText() {
		assertThat(HtmlText.toPlain("&lt;b&gt;bold&lt;/b&gt; &amp;amp;")).isEqualTo("<b>bold</b> &amp;");
	}

	@Test
	void shouldDropScriptAndStyleBodiesAndComments() {
		assertThat(HtmlText.toPlain("<style>.a { color: red }</style><p>Soft <!-- a > b -->cotton</p>"
				+ "<SCRIPT type=\"text/javascript\">if (a < b) { track(); }</SCRIPT> tee"))
			.isEqualTo("Soft cotton tee");
		assertThat(HtmlText.toPlain("Before<script>never closed")).isEqualTo("Before");
	}

	@Test
	void shouldNeverLetANulOrAnInvalidCodePointThrough() {
		// left as the text they are: no NUL (PostgreSQL's text cannot hold one), no
		// exception
		assertThat(HtmlText.toPlain("a&#0;b &#99999999; c &#x41;&#66;")).isEqualTo("a&#0;b &#99999999; c AB");
		assertThat(HtmlText.toPlain("a &unknown; & b &amp c")).isEqualTo("a &unknown; & b &amp c");
	}

}
