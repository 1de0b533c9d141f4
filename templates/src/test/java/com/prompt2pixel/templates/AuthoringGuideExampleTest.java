package com.prompt2pixel.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complete example in templates/README.md must stay a valid template set.
 */
class AuthoringGuideExampleTest {

	@Test
	void shouldParseAndExpandTheGuidesExample() throws Exception {
		String guide = Files.readString(Path.of("README.md"));
		int start = guide.indexOf("```yaml\n") + "```yaml\n".length();
		String yaml = guide.substring(start, guide.indexOf("```", start));

		CompiledTemplateSet set = TemplateSets.parse("kitchen", "README.md", yaml);
		List<ExpandedTask> tasks = PromptExpander.forSet(set)
			.expand("demo", new ProductFacts("MUG-1", "Stoneware Mug", "A <b>glazed</b> mug.", "Home > Kitchen", "Mug",
					"Acme", List.of("gift")), null);

		assertThat(tasks).extracting((task) -> task.variation().name()).containsExactly("morning", "evening");
		assertThat(tasks.get(0).prompt()).isEqualTo(
				"lifestyle photograph of Stoneware Mug by Acme on a pale oak counter, A glazed mug., soft morning light");
		assertThat(set.set()
			.match()
			.firstMatch(new ProductFacts("X", "T", "", "Home > Kitchen > Mugs", "", "", List.of())))
			.contains("category=Home > Kitchen");
	}

}
