package com.prompt2pixel.connectors.catalog;

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

}
