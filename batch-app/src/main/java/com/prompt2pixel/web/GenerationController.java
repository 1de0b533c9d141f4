package com.prompt2pixel.web;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.prompt2pixel.queue.Generation;
import com.prompt2pixel.queue.Generations;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import com.prompt2pixel.run.OnDemandRequest;
import com.prompt2pixel.security.Tenant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * On-demand generations of the API key's merchant: one product in one scene (or with a
 * prompt of its own), a few variants, in the on-demand lane, which goes ahead of batch
 * runs on the generator. Another merchant's generation is missing, as one that is not.
 */
@RestController
@RequestMapping("/api/v1/generations")
class GenerationController {

	private static final SecureRandom SEEDS = new SecureRandom();

	private final RunQueue queue;

	private final Generations generations;

	private final IdempotentRequests idempotency;

	GenerationController(RunQueue queue, Generations generations, IdempotentRequests idempotency) {
		this.queue = queue;
		this.generations = generations;
		this.idempotency = idempotency;
	}

	/**
	 * What to generate.
	 *
	 * @param product the product's key in the merchant's catalog (required)
	 * @param templateSet the set the scene is in; null: the set the product's rules match
	 * @param scene the scene's id; null: every scene of the set (with a prompt: the set's
	 * first)
	 * @param prompt a prompt in place of the scene's; the merchant's prompt policy
	 * applies
	 * @param negativePrompt a negative prompt in place of the scene's
	 * @param variants images per scene, 1-16; null: 1
	 * @param seed the first variant's seed, 0 to 2^32-1 (the next variants count up);
	 * null: drawn at random
	 * @param width the image's width, a multiple of 8 from 64 to 2048; null: the scene's
	 * @param height likewise
	 */
	record GenerationStart(String product, @JsonProperty("template_set") String templateSet, String scene,
			String prompt, @JsonProperty("negative_prompt") String negativePrompt, Integer variants, Long seed,
			Integer width, Integer height) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> start(Tenant tenant, @RequestBody GenerationStart request,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		return this.idempotency.once(tenant, idempotencyKey, "POST /api/v1/generations",
				this.idempotency.sha256Of(request), () -> submit(tenant, request), () -> {
				});
	}

	private ResponseEntity<?> submit(Tenant tenant, GenerationStart request) {
		long seed = (request.seed() != null) ? request.seed() : SEEDS.nextLong(OnDemandRequest.SEEDS);
		SubmittedRun run = this.queue.submitGeneration(new OnDemandRequest(tenant.merchant(), request.product(),
				request.templateSet(), request.scene(), request.prompt(), request.negativePrompt(),
				(request.variants() != null) ? request.variants() : 1, seed, request.width(), request.height()));
		return ResponseEntity.accepted()
			.header(HttpHeaders.LOCATION, "/api/v1/generations/" + run.id())
			.body(this.generations.find(run.id()).orElseThrow());
	}

	@GetMapping("/{id}")
	Generation generation(Tenant tenant, @PathVariable long id) {
		return this.generations.find(id)
			.filter((generation) -> tenant.owns(Optional.of(generation.merchant())))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no generation with id " + id));
	}

	/** The merchant's generations, newest first, with their prompts and images. */
	@GetMapping
	Map<String, Object> list(Tenant tenant, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		RunController.Paging paging = RunController.Paging.of(page, size);
		String wanted = (status == null) ? null : status.strip().toUpperCase(Locale.ROOT);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("generations", this.generations.list(tenant.merchant(), wanted, paging.size(), paging.offset()));
		json.put("page", page);
		json.put("size", size);
		return json;
	}

}
