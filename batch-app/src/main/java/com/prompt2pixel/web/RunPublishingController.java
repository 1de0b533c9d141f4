package com.prompt2pixel.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.prompt2pixel.publish.RunUnpublishing;
import com.prompt2pixel.publish.TargetPublishing;
import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.run.RunSummaries;
import com.prompt2pixel.security.Tenant;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A finished run's images published to the merchant's targets again, or taken back from
 * them, as {@code publish --run} and {@code unpublish --run} do. Both are idempotent: a
 * second call finds nothing left to do. They run while the request waits, one image after
 * another.
 */
@RestController
@RequestMapping("/api/v1/runs/{id}")
class RunPublishingController {

	/** While a run is in these states, its images are still being written. */
	private static final Set<String> UNDER_WAY = Set.of("RUNNING", "STOPPING");

	private final RunSummaries summaries;

	private final RunRepository runs;

	private final TargetPublishing publishing;

	private final RunUnpublishing unpublishing;

	RunPublishingController(RunSummaries summaries, RunRepository runs, TargetPublishing publishing,
			RunUnpublishing unpublishing) {
		this.summaries = summaries;
		this.runs = runs;
		this.publishing = publishing;
		this.unpublishing = unpublishing;
	}

	/**
	 * Publishes what failed, what was taken back, and what a target set since has not
	 * got: {@code {"run", "targets": {"s3": {"published", "failed"}}}}.
	 * @param to only these targets ({@code s3,shopify}); default: the run's
	 */
	@PostMapping("/publish")
	Map<String, Object> publish(Tenant tenant, @PathVariable long id, @RequestParam(required = false) String to) {
		GenerationRun run = owned(tenant, id);
		if (!"COMPLETED".equals(run.status())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"run " + id + " is " + run.status() + "; only a completed run's images are published");
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("run", id);
		json.put("targets", this.publishing.publish(id, run.merchantId(), (to != null) ? to : run.publishTo()));
		return json;
	}

	/**
	 * Takes the run's images back from its targets (and a Shopify product's media order
	 * back to what it was): {@code {"run", "removed", "kept"}}.
	 * @param product only this product's images
	 */
	@PostMapping("/unpublish")
	RunUnpublishing.Result unpublish(Tenant tenant, @PathVariable long id,
			@RequestParam(required = false) String product) {
		GenerationRun run = owned(tenant, id);
		if (UNDER_WAY.contains(run.status())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"run " + id + " is " + run.status() + "; take its images back once it has stopped");
		}
		return this.unpublishing.unpublish(id, product);
	}

	private GenerationRun owned(Tenant tenant, long id) {
		if (!tenant.owns(this.summaries.merchantOf(id))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no run with id " + id);
		}
		return this.runs.get(id);
	}

}
