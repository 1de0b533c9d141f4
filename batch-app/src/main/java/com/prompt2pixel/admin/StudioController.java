package com.prompt2pixel.admin;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.expand.OnDemandPlanner;
import com.prompt2pixel.expand.OnDemandPlanner.ScenePrompt;
import com.prompt2pixel.merchant.MerchantTemplates;
import com.prompt2pixel.queue.Generation;
import com.prompt2pixel.queue.Generations;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.queue.SubmittedRun;
import com.prompt2pixel.run.InvalidRunRequestException;
import com.prompt2pixel.run.OnDemandRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The studio, for operators and admins: one product of a merchant (found by title or key,
 * with its photo) in a scene of its set or another, its rendered prompts shown and
 * editable, a seed (fixed or random), variants and a size; Generate queues an on-demand
 * generation as {@code POST /api/v1/generations} does ({@link RunQueue}) and shows its
 * images as they come. The merchant's earlier generations are listed with their prompts,
 * to be made again.
 */
@Controller
class StudioController {

	private static final SecureRandom SEEDS = new SecureRandom();

	private final ProductSearch products;

	private final OnDemandPlanner planner;

	private final MerchantTemplates templates;

	private final RunQueue queue;

	private final Generations generations;

	private final LiveUpdates live;

	private final Fragments fragments;

	private final AdminProperties properties;

	StudioController(ProductSearch products, OnDemandPlanner planner, MerchantTemplates templates, RunQueue queue,
			Generations generations, LiveUpdates live, Fragments fragments, AdminProperties properties) {
		this.properties = properties;
		this.products = products;
		this.planner = planner;
		this.templates = templates;
		this.queue = queue;
		this.generations = generations;
		this.live = live;
		this.fragments = fragments;
	}

	/**
	 * What the studio's form holds; every field may be empty.
	 *
	 * @param q the product search
	 * @param seed empty: a random one
	 */
	record StudioForm(String merchant, String q, String product, String set, String scene, String prompt,
			String negativePrompt, String seed, Integer variants, Integer width, Integer height) {

		StudioForm {
			merchant = trimmed(merchant);
			q = (q == null) ? "" : q.strip();
			product = trimmed(product);
			set = trimmed(set);
			scene = trimmed(scene);
			prompt = trimmed(prompt);
			negativePrompt = trimmed(negativePrompt);
			seed = trimmed(seed);
			variants = (variants == null) ? 1 : variants;
		}

		private static String trimmed(String text) {
			return (text == null || text.isBlank()) ? null : text.strip();
		}

	}

	@GetMapping("/studio")
	String studio(@ModelAttribute("form") StudioForm form, Model model) {
		model.addAttribute("merchants", this.products.merchants());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (form.merchant() == null) {
			return "admin/studio";
		}
		model.addAttribute("found", this.products.search(form.merchant(), form.q()));
		model.addAttribute("sets", this.templates.available(form.merchant()));
		model.addAttribute("earlier", this.generations.list(form.merchant(), null, 10, 0));
		if (form.product() != null) {
			this.products.find(form.merchant(), form.product())
				.ifPresent((product) -> model.addAttribute("chosen", product));
			try {
				List<ScenePrompt> scenes = this.planner.preview(request(form, null, 0));
				model.addAttribute("scenes", scenes);
				ScenePrompt shown = scenes.stream()
					.filter((scene) -> scene.scene().equals(form.scene()))
					.findFirst()
					.orElse(scenes.get(0));
				model.addAttribute("shown", shown);
			}
			catch (InvalidRunRequestException ex) {
				model.addAttribute("previewProblem", ex.getMessage());
			}
		}
		return "admin/studio";
	}

	@PostMapping("/studio/generations")
	String generate(@ModelAttribute StudioForm form, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		long seed = 0;
		if (form.product() == null) {
			errors.put("product", "choose a product");
		}
		if (form.seed() != null) {
			try {
				seed = Long.parseLong(form.seed());
			}
			catch (NumberFormatException ex) {
				errors.put("seed", "a seed is a whole number from 0 to " + (OnDemandRequest.SEEDS - 1)
						+ ", or empty for a random one");
			}
		}
		else {
			seed = SEEDS.nextLong(OnDemandRequest.SEEDS);
		}
		if (errors.isEmpty()) {
			try {
				SubmittedRun generation = this.queue.submitGeneration(edited(form, seed));
				return "redirect:/studio/generations/" + generation.id();
			}
			catch (InvalidRunRequestException ex) {
				errors.put(field(ex.getMessage()), ex.getMessage());
			}
		}
		redirect.addFlashAttribute("errors", errors);
		redirect.addAttribute("merchant", form.merchant());
		redirect.addAttribute("product", form.product());
		redirect.addAttribute("set", form.set());
		redirect.addAttribute("scene", form.scene());
		redirect.addAttribute("q", form.q());
		return "redirect:/studio";
	}

	/**
	 * A photo dropped in the studio, with a title to match its scenes by: it becomes a
	 * studio product of the merchant's, and every scene of the set its title matches is
	 * rendered, as {@code POST /api/v1/generations} does with a photo.
	 */
	@PostMapping("/studio/photo-generations")
	String generateFromPhoto(@RequestParam(defaultValue = "") String merchant,
			@RequestParam(name = "photo", required = false) MultipartFile photo,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "1") int variants,
			RedirectAttributes redirect) throws IOException {
		redirect.addAttribute("merchant", merchant);
		String problem = null;
		if (photo == null || photo.isEmpty()) {
			problem = "choose or drop a photo of the product";
		}
		else if (title.isBlank()) {
			problem = "give the product a title: its scenes are chosen by it";
		}
		else {
			try {
				long seed = SEEDS.nextLong(OnDemandRequest.SEEDS);
				SubmittedRun generation = this.queue.submitGeneration(merchant, photo.getBytes(), title.strip(),
						(key) -> new OnDemandRequest(merchant, key, null, null, null, null, variants, seed, null,
								null));
				return "redirect:/studio/generations/" + generation.id();
			}
			catch (InvalidRunRequestException ex) {
				problem = ex.getMessage();
			}
		}
		redirect.addFlashAttribute("photoProblem", problem);
		return "redirect:/studio";
	}

	@GetMapping("/studio/generations/{id}")
	String generation(@PathVariable long id, Model model) {
		Generation generation = generation(id);
		model.addAttribute("generation", generation);
		model.addAttribute("product", this.products.find(generation.merchant(), generation.product()).orElse(null));
		return "admin/generation";
	}

	/** The generation's images as they come. */
	@GetMapping(path = "/live/generations/{id}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter liveGeneration(@PathVariable long id) {
		generation(id);
		return this.live.subscribe("images",
				() -> this.fragments.render("admin/generation", "images", Map.of("generation", generation(id))),
				this.properties.progressInterval());
	}

	private Generation generation(long id) {
		return this.generations.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no generation with id " + id));
	}

	/** The request for the scene as it is, with its own prompts. */
	private static OnDemandRequest request(StudioForm form, String prompt, long seed) {
		return new OnDemandRequest(form.merchant(), form.product(), form.set(), form.scene(), prompt, null,
				form.variants(), seed, form.width(), form.height());
	}

	/**
	 * The request the form makes. The form shows the scene's rendered prompts to be
	 * edited: one sent back unchanged (or empty) is the scene's own, so only an edited
	 * prompt is recorded as given in its place.
	 */
	private OnDemandRequest edited(StudioForm form, long seed) {
		ScenePrompt scene = this.planner.preview(request(form, null, 0))
			.stream()
			.filter((candidate) -> candidate.scene().equals(form.scene()))
			.findFirst()
			.orElse(null);
		String prompt = (scene != null && scene.prompt().equals(form.prompt())) ? null : form.prompt();
		String negative = (scene != null && scene.negativePrompt().equals(form.negativePrompt())) ? null
				: form.negativePrompt();
		return new OnDemandRequest(form.merchant(), form.product(), form.set(), form.scene(), prompt, negative,
				form.variants(), seed, form.width(), form.height());
	}

	/** The form field a refusal is about, to show it there. */
	private static String field(String message) {
		for (String field : List.of("variants", "seed", "width", "height", "prompt")) {
			if (message.contains("'" + field + "'")) {
				return field;
			}
		}
		if (message.contains("scene")) {
			return "scene";
		}
		if (message.contains("template set")) {
			return "set";
		}
		return "product";
	}

}
