package com.prompt2pixel.expand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.prompt2pixel.merchant.MerchantPolicies;
import com.prompt2pixel.merchant.MerchantTemplates;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunSummary;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.Manifest;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.templates.TemplateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpandPromptsFunctionalTests extends FunctionalTest {

	private static final int SCENES = 4;

	@Autowired
	CatalogRuns runs;

	@Autowired
	MerchantTemplates templates;

	@Autowired
	MerchantPolicies policies;

	@Autowired
	ExpandPreview preview;

	@TempDir
	Path folder;

	@Test
	void shouldRegenerateAndBillOnlyTheProductsThatChanged() throws Exception {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 5);
		RunSummary first = this.runs.start(new RunRequest("rerun", catalog, null, null, this.folder.resolve("1")));
		assertThat(first.images()).isEqualTo(5 * SCENES);
		List<String> lines = new ArrayList<>(Files.readAllLines(catalog));
		lines.set(2, lines.get(2).replace("Sage Green Espresso Mug", "Sage Green Espresso Cup"));
		lines.set(4, lines.get(4).replace("photos/teapot-04.png", "photos/jar-05.png"));
		Files.write(catalog, lines);
		int renderedBefore = this.generator.rendered();

		RunSummary second = this.runs.start(new RunRequest("rerun", catalog, null, null, this.folder.resolve("2")));

		assertThat(second.images()).isEqualTo(2 * SCENES);
		assertThat(second.cached()).isEqualTo(3 * SCENES);
		assertThat(this.generator.rendered() - renderedBefore).isEqualTo(2 * SCENES);
		assertThat(second.invoiceTotal()).isEqualTo("0.32");
		assertThat(this.jdbc.queryForList("""
				SELECT DISTINCT p.source_key FROM usage_event e
				JOIN render_task t ON t.id = e.task_id JOIN product p ON p.id = t.product_id
				WHERE e.run_id = ? ORDER BY 1""", String.class, second.run())).containsExactly("MUG-SAGE-02",
				"TEAPOT-04");
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM render_task t JOIN render_task origin ON origin.id = t.cached_from
				WHERE t.run_id = ? AND t.state = 'SKIPPED_CACHED' AND origin.run_id = ?""", Long.class, second.run(),
				first.run()))
			.isEqualTo(3 * SCENES);
		assertThat(second.published()).isEqualTo(5 * SCENES);
		Manifest.of(this.folder.resolve("2")).assertEveryImageListedOnceWithItsChecksum(5 * SCENES);

		RunSummary nightly = this.runs.start(new RunRequest("rerun", catalog, null, null, this.folder.resolve("3")));

		assertThat(nightly.images()).as("an unchanged catalog generates nothing").isZero();
		assertThat(nightly.cached()).isEqualTo(5 * SCENES);
		assertThat(nightly.invoiceTotal()).as("and bills nothing").isEqualTo("0.00");
	}

	@Test
	void shouldPreviewWhatARunWouldCreateWithoutCreatingAnything() throws Exception {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 3);
		this.runs.start(new RunRequest("preview", catalog, null, null, this.folder.resolve("1")));
		List<String> lines = new ArrayList<>(Files.readAllLines(catalog));
		lines.set(1, lines.get(1).replace("Terracotta Stoneware Mug", "Terracotta Mug XL"));
		Files.write(catalog, lines);
		long tasksBefore = this.jdbc.queryForObject("SELECT count(*) FROM render_task", Long.class);
		List<ExpandPreview.PlannedTask> planned = new ArrayList<>();

		ExpandPreview.Summary summary = this.preview.preview(new RunRequest("preview", catalog, null, null, null),
				planned::add);

		assertThat(summary)
			.isEqualTo(new ExpandPreview.Summary(3, 0, 3 * SCENES, SCENES, 2 * SCENES, 0, "0.16", "USD"));
		assertThat(planned).filteredOn((task) -> task.state().equals("PENDING"))
			.extracting(ExpandPreview.PlannedTask::sku)
			.containsOnly("MUG-CLAY-01");
		assertThat(planned.get(0).prompt()).contains("Terracotta Mug XL");
		assertThat(planned.get(0).rule()).isEqualTo("category=Kitchen");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM render_task", Long.class)).isEqualTo(tasksBefore);
		assertThat(this.jdbc.queryForObject(
				"SELECT title FROM product WHERE merchant_id = 'preview' " + "AND source_key = 'MUG-CLAY-01'",
				String.class))
			.as("nothing was imported")
			.isEqualTo("Terracotta Stoneware Mug");
	}

	@Test
	void shouldBlockPromptsThatThePolicyForbidsWithTheReason() {
		this.policies.block("careful", List.of("Brand X"));
		Path catalog = SampleCatalogs.write(this.folder, "sku,title,description,category,image",
				List.of("A-1,N4k3d mannequin torso,,Kitchen,photos/vase-12.png",
						"B-2,Brand-X style mug,,Kitchen,photos/mug-clay-01.png",
						"C-3,Plain mug,,Kitchen,photos/mug-navy-03.png"));

		RunSummary summary = this.runs.start(new RunRequest("careful", catalog, null, null, this.folder));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.blocked()).isEqualTo(2 * SCENES);
		assertThat(summary.images()).isEqualTo(SCENES);
		assertThat(summary.invoiceTotal()).isEqualTo("0.16");
		assertThat(this.jdbc.queryForList("""
				SELECT DISTINCT p.source_key || ': ' || t.state_reason FROM render_task t
				JOIN product p ON p.id = t.product_id
				WHERE t.run_id = ? AND t.state = 'BLOCKED_PROMPT' ORDER BY 1""", String.class, summary.run()))
			.containsExactly("A-1: prompt contains the blocked term 'naked' (policy en)",
					"B-2: prompt contains the term 'Brand X' that the merchant blocked");
	}

	@Test
	void shouldMatchProductsToTheMerchantsOwnSetAndRecordTheRule() {
		int version = this.templates.save("own", "my-kitchen", "my-kitchen.yaml", """
				vertical: kitchen
				match:
				  categories: [Kitchen]
				scenes:
				  - id: my-counter
				    version: 1
				    name: Counter
				    kind: lifestyle
				    prompt: "{{ title }} on our signature marble counter"
				    negative_prompt: text
				  - id: my-packshot
				    version: 1
				    name: Packshot
				    kind: packshot
				    prompt: "{{ title }} on white"
				    negative_prompt: text
				""");
		Path catalog = SampleCatalogs.firstProducts(this.folder, 2);

		RunSummary summary = this.runs.start(new RunRequest("own", catalog, null, null, this.folder));

		assertThat(version).isOne();
		assertThat(summary.images()).isEqualTo(2 * 2);
		assertThat(this.jdbc.queryForList("""
				SELECT DISTINCT template_set || ' ' || template_id || ' ' || matched_rule FROM render_task
				WHERE run_id = ? ORDER BY 1""", String.class, summary.run()))
			.containsExactly("my-kitchen my-counter category=Kitchen", "my-kitchen my-packshot category=Kitchen");
		assertThat(
				this.jdbc.queryForList("SELECT prompt FROM render_task WHERE run_id = ? AND template_id = 'my-counter' "
						+ "ORDER BY product_id", String.class, summary.run()))
			.containsExactly("Terracotta Stoneware Mug on our signature marble counter",
					"Sage Green Espresso Mug on our signature marble counter");
	}

	@Test
	void shouldVersionSavedSetsAndRefuseABadOneWithItsFileAndLine() {
		String yaml = """
				vertical: test
				scenes:
				  - id: one
				    version: 1
				    name: One
				    kind: packshot
				    prompt: "{{ title }}"
				    negative_prompt: text
				""";

		assertThat(this.templates.save("versions", "set-a", "a.yaml", yaml)).isOne();
		assertThat(this.templates.save("versions", "set-a", "a.yaml", yaml)).as("same content, same version").isOne();
		assertThat(this.templates.save("versions", "set-a", "a.yaml", yaml.replace("{{ title }}", "{{ title }} again")))
			.isEqualTo(2);
		assertThatThrownBy(() -> this.templates.save("versions", "set-a", "a.yaml", yaml.replace("title", "colour")))
			.isInstanceOf(TemplateException.class)
			.hasMessageStartingWith("a.yaml:7: template 'one': 'prompt': ")
			.hasMessageContaining("colour");
		assertThat(this.jdbc.queryForObject(
				"SELECT max(version) FROM scene_template_set WHERE merchant_id = 'versions'", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void shouldRenderEveryProductWithAnExplicitlyChosenSet() {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 1);

		RunSummary summary = this.runs.start(new RunRequest("chooser", catalog, "jewelry", null, this.folder));

		assertThat(this.jdbc.queryForList(
				"SELECT DISTINCT template_set || ' ' || matched_rule FROM render_task " + "WHERE run_id = ?",
				String.class, summary.run()))
			.containsExactly("jewelry explicit");
	}

	@Test
	void shouldRefuseAnUnknownTemplateSetBeforeWritingAnything() {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 1);

		assertThatThrownBy(() -> this.runs.start(new RunRequest("nobody", catalog, "garden", null, this.folder)))
			.isInstanceOf(InvalidRunRequestException.class)
			.hasMessageStartingWith("unknown template set 'garden'; available: apparel, footwear,");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM generation_run WHERE merchant_id = 'nobody'",
				Long.class))
			.isZero();
	}

}
