package com.prompt2pixel.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import com.prompt2pixel.moderate.ReviewConflictException;
import com.prompt2pixel.moderate.ReviewDecisions;
import com.prompt2pixel.moderate.ReviewQueue;
import com.prompt2pixel.moderate.ReviewTrail;
import com.prompt2pixel.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviewers' API (staff with the REVIEWER or ADMIN role): the held images, oldest
 * hold first, and decisions on them, one or several at once, as {@code review ...} makes
 * them on the command line. Each decision is audited with the reviewer's name; an
 * approval publishes at once, while the request waits.
 */
@RestController
@RequestMapping("/api/v1/review")
class ReviewController {

	private final ReviewQueue queue;

	private final ReviewDecisions decisions;

	private final ReviewTrail trail;

	ReviewController(ReviewQueue queue, ReviewDecisions decisions, ReviewTrail trail) {
		this.queue = queue;
		this.decisions = decisions;
		this.trail = trail;
	}

	/** A rejection's reason; a bulk decision's tasks too. */
	record Decision(String decision, List<Long> tasks, String reason) {
	}

	record Rejection(String reason) {
	}

	/**
	 * @param reason only images held for this flag ({@code CUTOUT_SUSPECT},
	 * {@code SAMPLED}, ...)
	 */
	@GetMapping
	List<ReviewQueue.Item> held(@RequestParam(required = false) String merchant,
			@RequestParam(required = false) Long run, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer limit) {
		return this.queue.list(new ReviewQueue.Query(merchant, run, reason, limit));
	}

	/** Every decision made on the image, oldest first. */
	@GetMapping("/{id}/decisions")
	List<ReviewTrail.Entry> decisions(@PathVariable("id") long task) {
		List<ReviewTrail.Entry> entries = this.trail.of(task);
		if (entries.isEmpty() && !this.trail.exists(task)) {
			throw new NoSuchElementException("no task with id " + task);
		}
		return entries;
	}

	@PostMapping("/{id}/approve")
	ReviewDecisions.Approval approve(Principal reviewer, @PathVariable("id") long task) {
		return this.decisions.approve(List.of(task), by(reviewer), ReviewDecisions.Scope.ALL);
	}

	@PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> reject(Principal reviewer, @PathVariable("id") long task, @RequestBody Rejection rejection) {
		this.decisions.reject(List.of(task), rejection.reason(), by(reviewer), ReviewDecisions.Scope.ALL);
		return rejected(List.of(task));
	}

	/** Queued in the on-demand lane; the answer names the regeneration run to follow. */
	@PostMapping("/{id}/regenerate")
	ReviewDecisions.Regeneration regenerate(Principal reviewer, @PathVariable("id") long task) {
		return this.decisions.regenerateQueued(List.of(task), by(reviewer), ReviewDecisions.Scope.ALL);
	}

	/**
	 * One decision on several held images, all or none: {@code {"decision":
	 * "approve|reject|regenerate", "tasks": [ID...], "reason": "..."}}.
	 */
	@PostMapping(path = "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
	Object decide(Principal reviewer, @RequestBody Decision decision) {
		if (decision.tasks() == null || decision.tasks().isEmpty()) {
			throw new IllegalArgumentException("field 'tasks' must list the held images' task ids");
		}
		if (decision.tasks().size() > ReviewQueue.MAX_LIMIT) {
			throw new IllegalArgumentException("field 'tasks' lists " + decision.tasks().size() + " tasks; at most "
					+ ReviewQueue.MAX_LIMIT + " at once");
		}
		String kind = (decision.decision() != null) ? decision.decision().strip().toLowerCase(Locale.ROOT) : "";
		return switch (kind) {
			case "approve" -> this.decisions.approve(decision.tasks(), by(reviewer), ReviewDecisions.Scope.ALL);
			case "reject" -> {
				this.decisions.reject(decision.tasks(), decision.reason(), by(reviewer), ReviewDecisions.Scope.ALL);
				yield rejected(decision.tasks());
			}
			case "regenerate" ->
				this.decisions.regenerateQueued(decision.tasks(), by(reviewer), ReviewDecisions.Scope.ALL);
			default -> throw new IllegalArgumentException(
					"field 'decision' must be approve, reject or regenerate, was '" + decision.decision() + "'");
		};
	}

	@ExceptionHandler(NoSuchElementException.class)
	ProblemDetail notFound(NoSuchElementException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/** Another reviewer decided first, or the image was never held: nothing changed. */
	@ExceptionHandler(ReviewConflictException.class)
	ProblemDetail conflict(ReviewConflictException ex) {
		return Problems.of(HttpStatus.CONFLICT, ex.getMessage());
	}

	private static Map<String, Object> rejected(List<Long> tasks) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("rejected", tasks);
		return json;
	}

	private static String by(Principal reviewer) {
		return "staff:" + reviewer.getName();
	}

}
