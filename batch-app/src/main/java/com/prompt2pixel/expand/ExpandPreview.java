package com.prompt2pixel.expand;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.prompt2pixel.billing.BillingProperties;
import com.prompt2pixel.connectors.catalog.CatalogEntry;
import com.prompt2pixel.connectors.catalog.CatalogProduct;
import com.prompt2pixel.connectors.catalog.CatalogReader;
import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.connectors.images.ProductImageSource;
import com.prompt2pixel.merchant.MerchantPolicies;
import com.prompt2pixel.merchant.MerchantTemplates;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.run.RunRequestCheck;
import com.prompt2pixel.system.PhotoProperties;
import com.prompt2pixel.task.TaskState;
import com.prompt2pixel.templates.ProductFacts;
import com.prompt2pixel.templates.Sha256;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a run of a catalog would create, without creating anything: every task with its
 * prompt, matched rule, seed and whether it would render, be reused from the cache or be
 * blocked, and the estimated cost. Reads the database (the merchant's templates, blocked
 * terms and earlier renders) but writes nothing to it.
 */
@Component
public class ExpandPreview {

	private static final int BATCH = 200;

	private final MerchantTemplates templates;

	private final MerchantPolicies policies;

	private final ProductImageSource images;

	private final ImageGenerator generator;

	private final ProductMatte matte;

	private final BillingProperties billing;

	private final JdbcTemplate jdbc;

	/** A dry run is the local CLI's: its photos may lie inside its configured root. */
	private final Path photoRoot;

	ExpandPreview(MerchantTemplates templates, MerchantPolicies policies, ProductImageSource images,
			ImageGenerator generator, ProductMatte matte, BillingProperties billing, JdbcTemplate jdbc,
			PhotoProperties photos) {
		this.matte = matte;
		this.photoRoot = photos.localRootPath();
		this.templates = templates;
		this.policies = policies;
		this.images = images;
		this.generator = generator;
		this.billing = billing;
		this.jdbc = jdbc;
	}

	/**
	 * Previews a run, handing each planned task to {@code out} in catalog order.
	 * @throws com.prompt2pixel.run.InvalidRunRequestException for an unusable catalog
	 * @throws com.prompt2pixel.templates.TemplateException for an unknown template set
	 */
	public Summary preview(RunRequest request, Consumer<PlannedTask> out) {
		RunRequestCheck.check(request);
		TaskPlanner planner = new TaskPlanner(this.templates.expander(request.merchantId(), request.templateSet()),
				this.policies.forMerchant(request.merchantId()), request.merchantId(), request.variants(),
				this.generator, this.matte);
		Path folder = request.catalogFile().toAbsolutePath().getParent();
		Counts counts = new Counts();
		List<ProductPlan> batch = new ArrayList<>();
		try (CatalogReader reader = CatalogReader.open(request.catalogFile(), request.catalogOptions())) {
			for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
				CatalogProduct product = entry.product();
				if (product == null || product.imageUrls().isEmpty()) {
					// a variation adds no scenes of its own: it is folded into its
					// product
					counts.skipped += (product == null || !product.isVariation()) ? 1 : 0;
					continue;
				}
				try {
					URI photo = this.images.resolve(product.imageUrls().get(0), folder, this.photoRoot);
					ProductFacts facts = new ProductFacts(product.sourceKey(), product.title(), product.description(),
							product.category(), product.productType(), product.vendor(), product.tags());
					batch.add(new ProductPlan(product.sourceKey(),
							planner.plan(0, facts, Sha256.hex(this.images.load(photo)), product.sizeCm())));
					counts.products++;
				}
				catch (ProductImageException ex) {
					counts.skipped++;
				}
				if (batch.size() == BATCH) {
					emit(request.merchantId(), batch, counts, out);
				}
			}
		}
		emit(request.merchantId(), batch, counts, out);
		return new Summary(counts.products, counts.skipped, counts.tasks, counts.toRender, counts.cached,
				counts.blocked, this.billing.priceOf(counts.toRender).toPlainString(), this.billing.currency());
	}

	private void emit(String merchantId, List<ProductPlan> batch, Counts counts, Consumer<PlannedTask> out) {
		// the expand step's own cache lookup and start states, against every earlier run
		Map<String, EarlierRenders.Render> rendered = EarlierRenders.of(this.jdbc, merchantId, EarlierRenders.NO_RUN,
				batch.stream().flatMap((plan) -> plan.tasks().stream()).toList());
		for (ProductPlan plan : batch) {
			for (TaskDraft draft : plan.tasks()) {
				TaskState state = EarlierRenders.initialState(draft, EarlierRenders.reuse(draft, rendered));
				counts.tasks++;
				switch (state) {
					case BLOCKED_PROMPT -> counts.blocked++;
					case SKIPPED_CACHED -> counts.cached++;
					default -> counts.toRender++;
				}
				out.accept(new PlannedTask(plan.sku(), draft.task().set(), draft.task().template().id(),
						draft.task().variant(), draft.task().seed(), draft.task().matchedRule(), state.name(),
						draft.blockedReason(), draft.task().prompt()));
			}
		}
		batch.clear();
	}

	private record ProductPlan(String sku, List<TaskDraft> tasks) {

	}

	private static final class Counts {

		long products;

		long skipped;

		long tasks;

		long toRender;

		long cached;

		long blocked;

	}

	/**
	 * One task a run would create.
	 *
	 * @param sku product key
	 * @param set template set
	 * @param template scene template id
	 * @param variant variant number
	 * @param seed seed
	 * @param rule why the set was chosen
	 * @param state PENDING (would render and bill), SKIPPED_CACHED or BLOCKED_PROMPT
	 * @param reason why it is blocked, or null
	 * @param prompt the prompt
	 */
	public record PlannedTask(String sku, String set, String template, int variant, long seed,
			@JsonProperty("matched_rule") String rule, String state, String reason, String prompt) {

	}

	/**
	 * Totals of a preview.
	 *
	 * @param products products that would be imported
	 * @param skipped rows that would be skipped
	 * @param tasks tasks that would be created
	 * @param toRender tasks that would be rendered and billed
	 * @param cached tasks that would reuse an earlier image
	 * @param blocked tasks the prompt policy would block
	 * @param estimatedCost price of the images to render
	 * @param currency currency of the price
	 */
	public record Summary(long products, long skipped, long tasks, @JsonProperty("to_render") long toRender,
			long cached, long blocked, @JsonProperty("estimated_cost") String estimatedCost, String currency) {

	}

}
