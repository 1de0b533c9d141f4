package com.prompt2pixel.admin;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import com.prompt2pixel.models.checks.CutoutCheck;
import com.prompt2pixel.models.checks.NearDuplicateCheck;
import com.prompt2pixel.models.checks.ProductFidelityCheck;
import com.prompt2pixel.models.checks.QualityCheck;
import com.prompt2pixel.models.checks.SafetyCheck;
import com.prompt2pixel.moderate.ImageReports;
import com.prompt2pixel.moderate.ReviewConflictException;
import com.prompt2pixel.moderate.ReviewDecisions;
import com.prompt2pixel.moderate.ReviewQueue;
import com.prompt2pixel.task.TaskImage;
import com.prompt2pixel.task.TaskImages;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review page, for reviewers and admins: the held images oldest first (filters by
 * reason, merchant and run), each beside its product's photo with why it is held and its
 * checks' scores; approve, reject with a reason, regenerate, one at a time (from the
 * keyboard: A, R, G, arrows) or every image shown at once. Decisions go through
 * {@link ReviewDecisions}, as the API's and the CLI's do, audited with the reviewer's
 * name. A decision made from the page (htmx) answers with the image's card, decided;
 * without scripts it answers with the page again.
 */
@Controller
class ReviewPagesController {

	/** Images a page shows. */
	static final int SHOWN = 48;

	/**
	 * What an image is held for: the checks' flags, the review policy's reasons and a
	 * merchant's report.
	 */
	static final List<String> REASONS = List.of(ProductFidelityCheck.FLAG, CutoutCheck.FLAG, QualityCheck.FLAG,
			NearDuplicateCheck.FLAG, SafetyCheck.FLAG, "REVIEW_ALL", "SAMPLED", "REPORTED");

	private final ReviewQueue queue;

	private final ReviewDecisions decisions;

	private final ProductSearch products;

	private final TaskImages images;

	private final ImageReports reports;

	ReviewPagesController(ReviewQueue queue, ReviewDecisions decisions, ProductSearch products, TaskImages images,
			ImageReports reports) {
		this.queue = queue;
		this.decisions = decisions;
		this.products = products;
		this.images = images;
		this.reports = reports;
	}

	@GetMapping("/review")
	String review(@RequestParam(required = false) String reason, @RequestParam(required = false) String merchant,
			@RequestParam(required = false) Long run, Model model) {
		String wantedReason = (reason == null || reason.isBlank()) ? null : reason.strip();
		String wantedMerchant = (merchant == null || merchant.isBlank()) ? null : merchant.strip();
		model.addAttribute("filter", Map.of("reason", (wantedReason == null) ? "" : wantedReason, "merchant",
				(wantedMerchant == null) ? "" : wantedMerchant, "run", (run == null) ? "" : run.toString()));
		model.addAttribute("merchants", this.products.allMerchants());
		model.addAttribute("reasons", REASONS);
		List<ReviewQueue.Item> held;
		try {
			held = this.queue.list(new ReviewQueue.Query(wantedMerchant, run, wantedReason, SHOWN));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("problem", ex.getMessage());
			held = List.of();
		}
		model.addAttribute("held", held);
		model.addAttribute("photos", photos(held));
		return "admin/review";
	}

	@PostMapping("/review/{id}/{decision:approve|reject|regenerate}")
	String decide(@PathVariable long id, @PathVariable String decision, @RequestParam(defaultValue = "") String reason,
			Principal reviewer, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		String outcome;
		boolean decided = false;
		try {
			outcome = switch (decision) {
				case "approve" -> {
					this.decisions.approve(List.of(id), by(reviewer), ReviewDecisions.Scope.ALL);
					yield "Approved and published.";
				}
				case "reject" -> {
					this.decisions.reject(List.of(id), reason, by(reviewer), ReviewDecisions.Scope.ALL);
					yield "Rejected: " + reason.strip();
				}
				default -> {
					ReviewDecisions.Regeneration regeneration = this.decisions.regenerateQueued(List.of(id),
							by(reviewer), ReviewDecisions.Scope.ALL);
					yield "Sent back: rendered again with a new seed in run " + regeneration.runs().get(0) + ".";
				}
			};
			decided = true;
		}
		catch (IllegalArgumentException | ReviewConflictException | NoSuchElementException ex) {
			outcome = ex.getMessage();
		}
		if (htmx == null) {
			redirect.addFlashAttribute(decided ? "notice" : "problem", "Image " + id + ": " + outcome);
			return "redirect:/review";
		}
		model.addAttribute("task", id);
		model.addAttribute("decided", decided);
		model.addAttribute("outcome", outcome);
		return "admin/review :: decided";
	}

	/** Approves every image the page showed that is still held; all or none. */
	@PostMapping("/review/approve-shown")
	String approveShown(@RequestParam(name = "task", required = false) List<Long> tasks, Principal reviewer,
			RedirectAttributes redirect) {
		if (tasks == null || tasks.isEmpty()) {
			redirect.addFlashAttribute("problem", "No images were shown.");
			return "redirect:/review";
		}
		try {
			int approved = this.decisions.approve(tasks, by(reviewer), ReviewDecisions.Scope.ALL).approved().size();
			redirect.addFlashAttribute("notice", "Approved and published " + approved + " images.");
		}
		catch (IllegalArgumentException | ReviewConflictException | NoSuchElementException ex) {
			redirect.addFlashAttribute("problem", "Nothing was approved: " + ex.getMessage());
		}
		return "redirect:/review";
	}

	/**
	 * A merchant's report made by a reviewer for them (a shopper wrote to the merchant,
	 * say): as {@code POST /api/v1/images/{id}/report}, the image is taken down from
	 * every destination it reached, goes back to review and its charge is credited, once;
	 * its reason says who reported it.
	 */
	@PostMapping("/review/images/{id}/report")
	String report(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal reviewer,
			RedirectAttributes redirect) {
		TaskImage image = this.images.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no image with id " + id));
		try {
			if (reason.isBlank()) {
				// the report's own check would not see it once it says who reported
				throw new IllegalArgumentException("a report needs a reason");
			}
			ImageReports.Report report = this.reports.report(id, image.merchant(),
					reason.strip() + " (reported for the merchant by " + by(reviewer) + ")");
			redirect.addFlashAttribute("notice",
					report.tookDown()
							? "Reported: taken down (" + report.removed() + " files or objects removed), back in review"
									+ ((report.credited() != null) ? ", " + report.credited().toPlainString()
											+ " credited to " + image.merchant() : "")
									+ "."
							: "Reported again: it was down already, so nothing more was done.");
		}
		catch (IllegalArgumentException | ReviewConflictException | NoSuchElementException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/images/" + id;
	}

	/** Each held image's product, for its photo beside it. */
	private Map<Long, ProductSearch.Product> photos(List<ReviewQueue.Item> held) {
		Map<Long, ProductSearch.Product> photos = new LinkedHashMap<>();
		for (ReviewQueue.Item item : held) {
			Optional<ProductSearch.Product> product = this.products.find(item.merchant(), item.product());
			product.filter((found) -> found.photoSha256() != null).ifPresent((found) -> photos.put(item.task(), found));
		}
		return photos;
	}

	private static String by(Principal reviewer) {
		return "staff:" + reviewer.getName();
	}

}
