package com.prompt2pixel.templates;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateSetsTest {

	private static final String VALID = """
			vertical: test
			match:
			  product_types: [Mug]
			defaults:
			  steps: 20
			scenes:
			  - id: packshot
			    version: 3
			    name: Packshot
			    kind: packshot
			    prompt: |
			      photo of {{ title }}
			      {% if vendor is not empty %}by {{ vendor }}{% endif %}
			    negative_prompt: text
			    params:
			      width: 512
			      height: 640
			    variants:
			      - name: morning
			        text: soft morning light
			      - name: evening
			        text: warm evening light
			    composition:
			      palette: ["#ffffff", "#eeeeee", "#dddddd"]
			      product_scale: 0.5
			""";

	@Test
	void shouldReadEveryPartOfAScene() {
		CompiledTemplateSet compiled = TemplateSets.parse("test", "test.yaml", VALID);

		TemplateSet set = compiled.set();
		assertThat(set.match().productTypes()).containsExactly("Mug");
		SceneTemplate scene = set.scenes().get(0);
		assertThat(scene.version()).isEqualTo(3);
		assertThat(scene.params()).isEqualTo(new GenerationParams(512, 640, 20, 7.0, "euler", "default", 0.6));
		assertThat(scene.variations()).extracting(SceneTemplate.Variation::name).containsExactly("morning", "evening");
		assertThat(scene.hints().productScale()).isEqualTo(0.5);
		assertThat(scene.source()).hasToString("test.yaml:7");
	}

	@Test
	void shouldReadASurfaceAndRefuseOneThatIsNone() {
		assertThat(TemplateSets.parse("test", "test.yaml", VALID).set().scenes().get(0).hints().surface())
			.as("none named: what the prompt names")
			.isEqualTo("auto");
		String wood = VALID.replace("product_scale: 0.5", "product_scale: 0.5\n      surface: wood");
		assertThat(TemplateSets.parse("test", "test.yaml", wood).set().scenes().get(0).hints().surface())
			.isEqualTo("wood");

		String carpet = VALID.replace("product_scale: 0.5", "product_scale: 0.5\n      surface: carpet");
		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", carpet)).isInstanceOf(TemplateException.class)
			.hasMessageContaining("'surface' must be one of [auto, plain, wood, stone, linen, concrete, paper]")
			.hasMessageContaining("'carpet'");
	}

	@Test
	void shouldReadTheSizeDrawnAtTheProductScaleAndRefuseOneOutOfRange() {
		assertThat(TemplateSets.parse("test", "test.yaml", VALID).set().scenes().get(0).hints().scaleSizeCm())
			.as("none set: the placement's typical size")
			.isNull();
		String rings = VALID.replace("product_scale: 0.5", "product_scale: 0.5\n      scale_size_cm: 4");
		assertThat(TemplateSets.parse("test", "test.yaml", rings).set().scenes().get(0).hints().scaleSizeCm())
			.isEqualTo(4.0);
		assertThat(TemplateLibrary.fromClasspath().load("jewelry").set().scenes())
			.allSatisfy((scene) -> assertThat(scene.hints().scaleSizeCm()).isEqualTo(4.0));

		String none = VALID.replace("product_scale: 0.5", "product_scale: 0.5\n      scale_size_cm: 0");
		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", none)).isInstanceOf(TemplateException.class)
			.hasMessageContaining("'scale_size_cm' must be a number from 0.5 to 1000, was 0");
	}

	@Test
	void shouldReadThePropsBesideTheProductAndRefuseOneThereIsNot() {
		assertThat(TemplateSets.parse("test", "test.yaml", VALID).set().scenes().get(0).hints().props()).isEmpty();
		String props = VALID.replace("product_scale: 0.5", "product_scale: 0.5\n      props: [vase, books]");
		assertThat(TemplateSets.parse("test", "test.yaml", props).set().scenes().get(0).hints().props())
			.containsExactly("vase", "books");

		String lamp = VALID.replace("product_scale: 0.5", "product_scale: 0.5\n      props: [vase, lamp]");
		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", lamp)).isInstanceOf(TemplateException.class)
			.hasMessageContaining(
					"'props' must list at most 4 of [books, vase, sphere, candle, plant], was [vase, lamp]");
	}

	@Test
	void shouldNameFileLineAndTemplateForAnUnknownField() {
		String yaml = VALID.replace("by {{ vendor }}", "by {{ brand }}");

		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", yaml)).isInstanceOf(TemplateException.class)
			.hasMessageStartingWith("test.yaml:13: template 'packshot': ")
			.hasMessageContaining("brand");
	}

	@Test
	void shouldNameFileLineAndTemplateForAnUnknownFilter() {
		String yaml = VALID.replace("photo of {{ title }}", "photo of {{ title | shout }}");

		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", yaml)).isInstanceOf(TemplateException.class)
			.hasMessageStartingWith("test.yaml:12: template 'packshot': 'prompt': ")
			.hasMessageContaining("shout");
	}

	@Test
	void shouldReportATemplateSyntaxError() {
		String yaml = VALID.replace("{% endif %}", "");

		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", yaml)).isInstanceOf(TemplateException.class)
			.hasMessageStartingWith("test.yaml:1")
			.hasMessageContaining("template 'packshot': 'prompt': ");
	}

	@Test
	void shouldRefuseANegativeSizeWithItsLine() {
		String yaml = VALID.replace("width: 512", "width: -16");

		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", yaml)).isInstanceOf(TemplateException.class)
			.hasMessage("test.yaml:16: template 'packshot': 'width' must be a whole number from 64 to 4096, was -16");
	}

	@Test
	void shouldRefuseStepsOutOfRange() {
		String yaml = VALID.replace("steps: 20", "steps: 500");

		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", yaml)).isInstanceOf(TemplateException.class)
			.hasMessage("test.yaml:5: 'steps' must be a whole number from 1 to 150, was 500");
	}

	@Test
	void shouldRefuseAnUnknownSceneKind() {
		String yaml = VALID.replace("kind: packshot", "kind: poster");

		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", yaml))
			.hasMessageStartingWith("test.yaml:10: template 'packshot': 'kind' must be one of");
	}

	@Test
	void shouldReportMalformedYamlWithItsLine() {
		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", "vertical: x\nscenes: [\n  - id: a\n"))
			.isInstanceOf(TemplateException.class)
			.hasMessageStartingWith("test.yaml:")
			.hasMessageContaining("not valid YAML");
	}

	@Test
	void shouldRefuseASetWithoutScenes() {
		assertThatThrownBy(() -> TemplateSets.parse("test", "test.yaml", "vertical: x\nscenes: []\n"))
			.hasMessage("test.yaml:1: a template set needs at least one scene");
	}

	@Test
	void shouldRenderFiltersOverRealCatalogText() {
		String yaml = VALID.replace("photo of {{ title }}",
				"photo of {{ title | lower }}: {{ description | plain | words(4) }}; {{ tags | join(', ') }}; "
						+ "{{ category | default('uncategorised') }} {{ variation }}");
		CompiledTemplateSet set = TemplateSets.parse("test", "test.yaml", yaml);
		ProductFacts product = new ProductFacts("K-1", "Crème Brûlée Ramekin Ø 9 cm",
				"<p>Fine <b>porcelain</b>&nbsp;ramekin, oven safe.</p>", "", "Mug", "", List.of("ovenware", "gift"));

		List<ExpandedTask> tasks = PromptExpander.forSet(set).expand("m", product, null);

		assertThat(tasks).extracting(ExpandedTask::prompt)
			.containsExactly(
					"photo of crème brûlée ramekin ø 9 cm: Fine porcelain ramekin, oven; ovenware, gift; uncategorised soft morning light",
					"photo of crème brûlée ramekin ø 9 cm: Fine porcelain ramekin, oven; ovenware, gift; uncategorised warm evening light");
	}

	@Test
	void shouldDecodeEveryHtmlEntityThatReachesAPrompt() {
		String yaml = VALID.replace("photo of {{ title }}",
				"photo of {{ title }}, {{ description | plain | words(5) }}");
		CompiledTemplateSet set = TemplateSets.parse("test", "test.yaml", yaml);
		ProductFacts product = new ProductFacts("K-1", "Ramekin",
				"<style>p{}</style><p>Caf&eacute; it&rsquo;s &hellip; ok</p>", "", "Mug", "", List.of());

		List<ExpandedTask> tasks = PromptExpander.forSet(set).expand("m", product, null);

		assertThat(tasks.get(0).prompt()).startsWith("photo of Ramekin, Café it’s … ok");
	}

}
