package com.prompt2pixel.templates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateLibraryTest {

	private final TemplateLibrary broken = new TemplateLibrary(getClass().getClassLoader(), "broken-templates/");

	@Test
	void shouldLoadTheBuiltInHomeAndKitchenSet() {
		TemplateSet set = TemplateLibrary.fromClasspath().load(TemplateLibrary.DEFAULT_SET);

		assertThat(set.vertical()).isEqualTo("home-kitchen");
		assertThat(set.scenes()).extracting(SceneTemplate::id)
			.containsExactly("studio-packshot", "kitchen-counter", "dining-table");
		assertThat(set.scenes()).allSatisfy((scene) -> {
			assertThat(scene.width()).isEqualTo(768);
			assertThat(scene.palette()).hasSize(3);
		});
	}

	@Test
	void shouldNameTheAvailableSetsWhenAskedForAnUnknownOne() {
		assertThatThrownBy(() -> TemplateLibrary.fromClasspath().load("garden")).isInstanceOf(TemplateException.class)
			.hasMessage("unknown template set 'garden'; available: home-kitchen");
	}

	@Test
	void shouldRejectATemplateThatUsesAnUnknownField() {
		assertThatThrownBy(() -> this.broken.load("unknown-field")).isInstanceOf(TemplateException.class)
			.hasMessageContaining("template set 'unknown-field', template 'packshot'")
			.hasMessageContaining("brand");
	}

	@Test
	void shouldRejectANegativeSizeNamingTheFileAndScene() {
		assertThatThrownBy(() -> this.broken.load("bad-size")).isInstanceOf(TemplateException.class)
			.hasMessage(
					"broken-templates/bad-size.yaml scene 'packshot': 'width' must be a whole number from 64 to 4096, was -16");
	}

	@Test
	void shouldReportMalformedYamlWithTheFileName() {
		assertThatThrownBy(() -> this.broken.load("bad-yaml")).isInstanceOf(TemplateException.class)
			.hasMessageStartingWith("broken-templates/bad-yaml.yaml: ");
	}

	@Test
	void shouldLoadAValidSetFromAnotherFolder() {
		assertThat(this.broken.load("good").scenes()).singleElement()
			.satisfies((scene) -> assertThat(scene.prompt()).isEqualTo("photo of {{title}}"));
	}

}
