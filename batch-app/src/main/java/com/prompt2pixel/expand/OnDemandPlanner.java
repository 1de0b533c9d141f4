package com.prompt2pixel.expand;

import java.util.List;
import java.util.Objects;

import com.prompt2pixel.ingest.ProductPhotoChecks;
import com.prompt2pixel.merchant.MerchantPolicies;
import com.prompt2pixel.merchant.MerchantTemplates;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.OnDemandRequest;
import com.prompt2pixel.templates.ExpandedTask;
import com.prompt2pixel.templates.GenerationParams;
import com.prompt2pixel.templates.ProductFacts;
import com.prompt2pixel.templates.PromptExpander;
import com.prompt2pixel.templates.SceneTemplate;
import com.prompt2pixel.templates.TemplateException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plans an on-demand generation's render tasks from its request: the product's set (the
 * one named, else the one its rules match), the scene asked for, its variants, with the
 * request's seed, size and prompts in place of the scene's. The same plan is made when
 * the request is checked (so a bad one is refused before anything is queued) and when the
 * run's {@code planGenerationStep} inserts its tasks.
 */
@Component
public class OnDemandPlanner {

	private final MerchantTemplates templates;

	private final MerchantPolicies policies;

	private final ImageGenerator generator;

	private final JdbcTemplate jdbc;

	private final ProductPhotoChecks photoChecks;

	private final ProductMatte matte;

	OnDemandPlanner(MerchantTemplates templates, MerchantPolicies policies, ImageGenerator generator,
			ProductMatte matte, JdbcTemplate jdbc, ProductPhotoChecks photoChecks) {
		this.matte = matte;
		this.photoChecks = photoChecks;
		this.templates = templates;
		this.policies = policies;
		this.generator = generator;
		this.jdbc = jdbc;
	}

	/**
	 * Checks that the request can be planned: the merchant has the product; the set and
	 * the scene exist; the prompt policy lets every prompt through. The photo is fetched
	 * when the generation is planned, not here.
	 * @return the product's id
	 * @throws InvalidRunRequestException naming the first problem
	 */
	public long check(OnDemandRequest request) {
		ExpandableProduct product = product(request.merchantId(), request.productKey());
		for (TaskDraft draft : drafts(request, product)) {
			if (draft.blockedReason() != null) {
				throw new InvalidRunRequestException(
						"the prompt is blocked by the merchant's prompt policy: " + draft.blockedReason());
			}
		}
		return product.id();
	}

	/**
	 * What the request would render, scene by scene, before anything is queued: for the
	 * studio, which shows each scene's rendered prompts and lets them be edited.
	 * @throws InvalidRunRequestException naming the first problem (no such product, set
	 * or scene)
	 */
	public List<ScenePrompt> preview(OnDemandRequest request) {
		ExpandableProduct product = product(request.merchantId(), request.productKey());
		return drafts(request, product).stream()
			.filter((draft) -> draft.task().variant() == 1)
			.map((draft) -> new ScenePrompt(draft.task().set(), draft.task().template().id(),
					draft.task().template().name(), draft.task().prompt(), draft.task().negativePrompt(),
					draft.blockedReason()))
			.toList();
	}

	/**
	 * One scene of a preview.
	 *
	 * @param blockedReason why the merchant's prompt policy blocks it, or null
	 */
	public record ScenePrompt(String set, String scene, String name, String prompt, String negativePrompt,
			String blockedReason) {
	}

	/**
	 * The run's tasks, from the request kept with it, with the product's photo fetched
	 * and checked now.
	 * @throws com.prompt2pixel.connectors.images.ProductImageException when the photo
	 * cannot be read
	 */
	List<TaskDraft> plan(long runId) {
		OnDemandRequest request = this.jdbc.queryForObject("""
				SELECT r.merchant_id, p.source_key, r.template_set, q.scene, q.prompt, q.negative_prompt, r.variants,
				       q.seed, q.width, q.height
				FROM generation_request q JOIN generation_run r ON r.id = q.run_id JOIN product p ON p.id = q.product_id
				WHERE q.run_id = ?""",
				(rs, row) -> new OnDemandRequest(rs.getString("merchant_id"), rs.getString("source_key"),
						rs.getString("template_set"), rs.getString("scene"), rs.getString("prompt"),
						rs.getString("negative_prompt"), rs.getInt("variants"), rs.getLong("seed"),
						rs.getObject("width", Integer.class), rs.getObject("height", Integer.class)),
				runId);
		ExpandableProduct product = product(Objects.requireNonNull(request).merchantId(), request.productKey());
		return drafts(request, new ExpandableProduct(product.id(), product.facts(),
				this.photoChecks.check(product.id()), product.sizeCm()));
	}

	private List<TaskDraft> drafts(OnDemandRequest request, ExpandableProduct product) {
		PromptExpander expander;
		try {
			expander = this.templates.expander(request.merchantId(), request.templateSet());
		}
		catch (TemplateException ex) {
			throw new InvalidRunRequestException(ex.getMessage(), ex);
		}
		TaskPlanner planner = new TaskPlanner(expander, this.policies.forMerchant(request.merchantId()),
				request.merchantId(), request.variants(), this.generator, this.matte);
		List<ExpandedTask> tasks = planner.expand(product.facts());
		String scene = (request.scene() != null) ? request.scene()
				: (request.prompt() != null) ? tasks.get(0).template().id() : null;
		List<ExpandedTask> chosen = tasks.stream()
			.filter((task) -> scene == null || task.template().id().equals(scene))
			.toList();
		if (chosen.isEmpty()) {
			throw new InvalidRunRequestException("scene '" + scene + "' is not in template set '" + tasks.get(0).set()
					+ "'; its scenes: "
					+ String.join(", ", tasks.stream().map((task) -> task.template().id()).distinct().toList()));
		}
		return chosen.stream()
			.map((task) -> planner.draft(product.id(), customised(task, request), product.imageSha256(),
					product.sizeCm()))
			.toList();
	}

	/**
	 * The task with what the request sets in place of the scene's: the seed (one per
	 * variant), the size, the prompts. The cache key is made from the result, so a
	 * request that asks for exactly an earlier image gets that image again, unbilled.
	 */
	private static ExpandedTask customised(ExpandedTask task, OnDemandRequest request) {
		SceneTemplate scene = task.template();
		if (request.width() != null || request.height() != null) {
			GenerationParams params = scene.params();
			scene = new SceneTemplate(scene.id(), scene.version(), scene.name(), scene.kind(), scene.prompt(),
					scene.negativePrompt(), scene.alt(),
					new GenerationParams((request.width() != null) ? request.width() : params.width(),
							(request.height() != null) ? request.height() : params.height(), params.steps(),
							params.guidance(), params.scheduler(), params.model(), params.img2imgStrength()),
					scene.variations(), scene.hints(), scene.source());
		}
		long seed = (request.seed() + task.variant() - 1) % OnDemandRequest.SEEDS;
		return new ExpandedTask(task.set(), scene, task.matchedRule(), task.variant(), task.variation(), seed,
				(request.prompt() != null) ? request.prompt() : task.prompt(),
				(request.negativePrompt() != null) ? request.negativePrompt() : task.negativePrompt(), task.alt());
	}

	private ExpandableProduct product(String merchantId, String key) {
		List<ExpandableProduct> found = this.jdbc.query("""
				SELECT id, source_key, title, description, category, product_type, vendor, tags, image_sha256, size_cm
				FROM product WHERE merchant_id = ? AND source_key = ? AND removed_at IS NULL""",
				(rs, row) -> new ExpandableProduct(rs.getLong("id"),
						new ProductFacts(rs.getString("source_key"), rs.getString("title"), rs.getString("description"),
								rs.getString("category"), rs.getString("product_type"), rs.getString("vendor"),
								List.of((String[]) rs.getArray("tags").getArray())),
						rs.getString("image_sha256"), (Double) rs.getObject("size_cm")),
				merchantId, key);
		if (found.isEmpty()) {
			throw new InvalidRunRequestException("no product with key '" + key + "' in the merchant's catalog");
		}
		return found.get(0);
	}

}
