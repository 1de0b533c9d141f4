package com.prompt2pixel.generate;

import java.util.List;

import com.prompt2pixel.models.Placement;
import com.prompt2pixel.models.Prop;
import com.prompt2pixel.models.SceneStyle;
import com.prompt2pixel.models.Surface;
import com.prompt2pixel.task.RenderParams;
import com.prompt2pixel.templates.CompositionHints;
import com.prompt2pixel.templates.SceneTemplate;
import com.prompt2pixel.templates.TemplateLibrary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scene a task's parameters and its product ask for: the built-in kitchen templates'
 * surfaces from their prompts, a flat lay from above, and tasks written before either.
 */
class GenerationInputProcessorTest {

	private static final String TITLE = "Walnut Serving Board";

	@Test
	void shouldTakeEachKitchenScenesSurfaceFromItsPromptNotFromTheProductsTitle() {
		List<SceneTemplate> scenes = TemplateLibrary.fromClasspath().load("kitchen-dining").set().scenes();

		assertThat(scenes).extracting((scene) -> {
			SceneStyle style = style(RenderParams.of(scene), scene.prompt().replace("{{ title }}", TITLE));
			return scene.kind() + " " + style.surface() + " " + style.view() + " " + style.placement();
		})
			.containsExactly("packshot PLAIN FRONT TABLETOP", "lifestyle WOOD FRONT TABLETOP",
					"flat-lay LINEN TOP_DOWN TABLETOP", "seasonal WOOD FRONT TABLETOP");
	}

	@Test
	void shouldComposeATaskWrittenBeforeSurfacesAndViewsAsBefore() {
		RenderParams old = new RenderParams(512, 512, 20, 7, "euler", "default", 0.6,
				List.of("#ffffff", "#eeeeee", "#dddddd"), 0.5, null, null, null, null, null);

		SceneStyle style = style(old, "a walnut board on an oak table");
		assertThat(style.view()).isEqualTo(SceneStyle.View.FRONT);
		assertThat(style.surface()).as("auto: the prompt's").isEqualTo(Surface.WOOD);
		assertThat(style.placement()).isEqualTo(Placement.TABLETOP);
		assertThat(style.props()).as("none").isEmpty();
	}

	@Test
	void shouldLetATemplatesHintsWin() {
		RenderParams hinted = new RenderParams(512, 512, 20, 7, "euler", "default", 0.6,
				List.of("#ffffff", "#eeeeee", "#dddddd"), 0.5, "wall", "concrete", "front", null,
				List.of("vase", "books"));

		SceneStyle style = style(hinted, "a board on an oak table");
		assertThat(style.surface()).isEqualTo(Surface.CONCRETE);
		assertThat(style.placement()).isEqualTo(Placement.WALL);
		assertThat(style.props()).containsExactly(Prop.VASE, Prop.BOOKS);
	}

	@Test
	void shouldDrawEveryPropATemplateMayName() {
		assertThat(Prop.of(CompositionHints.PROPS)).as("the templates' list and the compositor's props, one for one")
			.containsExactly(Prop.values());
	}

	private static SceneStyle style(RenderParams params, String prompt) {
		return GenerationInputProcessor.style(params, TITLE + " Cutting Board Kitchen", TITLE, prompt);
	}

}
