package com.prompt2pixel.moderate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import com.prompt2pixel.publish.ApprovalPublishing;
import com.prompt2pixel.publish.TargetPublishing;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.task.TaskState;
import com.prompt2pixel.task.TaskStateUpdates;
import com.prompt2pixel.templates.Seeds;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reviewers' decisions on held images (NEEDS_REVIEW), each audited in
 * {@code review_decision} (owned here) in the transaction that makes it:
 * <ul>
 * <li>approve: the image is published at once, into the run's folder in the decision's
 * transaction (a failed write leaves it held), then to the run's targets and into its
 * manifest; a later run that reused the image while it was held (its cache key) gets it
 * in its folder, targets and manifest the same way;</li>
 * <li>reject, with a reason: it is never published;</li>
 * <li>regenerate: the task ends REGENERATED and a copy with a new seed is rendered by a
 * regeneration run (kind REGENERATE, one per source run), moderated under the merchant's
 * policy like any image, and not billed again.</li>
 * </ul>
 * A decision on several images is all or nothing: if one of them is not held, none is
 * decided.
 */
@Service
public class ReviewDecisions {

	private final JdbcTemplate jdbc;

	private final TaskStateUpdates updates;

	private final ApprovalPublishing publishing;

	private final RunRepository runs;

	private final RunQueue queue;

	private final TransactionTemplate transaction;

	ReviewDecisions(JdbcTemplate jdbc, TaskStateUpdates updates, ApprovalPublishing publishing, RunRepository runs,
			RunQueue queue, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.updates = updates;
		this.publishing = publishing;
		this.runs = runs;
		this.queue = queue;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Whose decisions a caller may make: one merchant's images, or (null) anyone's. */
	public record Scope(String merchantId) {

		public static final Scope ALL = new Scope(null);

	}

	/**
	 * What approving did.
	 *
	 * @param approved the tasks approved, each now published to the run's folder
	 * @param targets per run (the approved tasks' and those of later runs that reused
	 * their images), per target, what was published to it
	 */
	public record Approval(List<Long> approved, Map<Long, Map<String, TargetPublishing.Outcome>> targets) {
	}

	/**
	 * @param regenerated the tasks sent back
	 * @param runs the regeneration runs that render them, one per source run
	 */
	public record Regeneration(List<Long> regenerated, List<Long> runs) {
	}

	/**
	 * @throws NoSuchElementException for a task there is not (or not in the scope)
	 * @throws ReviewConflictException for a task that is not held
	 */
	public Approval approve(Collection<Long> taskIds, String by, Scope scope) {
		Set<Long> published = new LinkedHashSet<>();
		Map<Long, List<Long>> byRun = this.transaction.execute((status) -> {
			Map<Long, List<Long>> held = lockHeld(taskIds, scope);
			held.forEach((run, tasks) -> {
				for (long task : tasks) {
					this.updates.decided(task, TaskState.APPROVED, "approved by " + by);
					audit(task, "APPROVE", null, by, null);
				}
				this.publishing.toRunFolder(run, tasks);
			});
			published.addAll(held.keySet());
			// later runs that reused one of these images while it was held publish it now
			published
				.addAll(this.publishing.reusesToTheirRunFolders(held.values().stream().flatMap(List::stream).toList()));
			return held;
		});
		Map<Long, Map<String, TargetPublishing.Outcome>> targets = new LinkedHashMap<>();
		// the images are the runs' now; a target that fails records each failure for the
		// next publish of the run
		published.forEach((run) -> targets.put(run, this.publishing.onward(run)));
		return new Approval(byRun.values().stream().flatMap(List::stream).toList(), targets);
	}

	/**
	 * Approves every image of the run that is held.
	 */
	public Approval approveRun(long runId, String by, Scope scope) {
		GenerationRun run = this.runs.find(runId)
			.filter((found) -> scope.merchantId() == null || scope.merchantId().equals(found.merchantId()))
			.orElseThrow(() -> new NoSuchElementException("no run with id " + runId));
		List<Long> held = this.jdbc.queryForList(
				"SELECT id FROM render_task WHERE run_id = ? AND state = 'NEEDS_REVIEW' ORDER BY id", Long.class,
				run.id());
		if (held.isEmpty()) {
			return new Approval(List.of(), Map.of());
		}
		return approve(held, by, scope);
	}

	/**
	 * @param reason why, for the audit and the merchant; required
	 * @throws IllegalArgumentException without a reason
	 */
	public List<Long> reject(Collection<Long> taskIds, String reason, String by, Scope scope) {
		String trimmed = Reasons.required(reason, "a rejection needs a reason");
		return this.transaction.execute((status) -> {
			List<Long> rejected = new ArrayList<>();
			lockHeld(taskIds, scope).values().forEach((tasks) -> {
				for (long task : tasks) {
					this.updates.decided(task, TaskState.REJECTED, "rejected by " + by + ": " + trimmed);
					audit(task, "REJECT", trimmed, by, null);
					rejected.add(task);
				}
			});
			return rejected;
		});
	}

	/**
	 * Sends the images back and records a regeneration run for each source run, not
	 * queued: the caller executes it ({@code review regenerate} does, while it waits).
	 */
	public Regeneration regenerate(Collection<Long> taskIds, String by, Scope scope) {
		return this.transaction.execute((status) -> sendBack(taskIds, by, scope, false));
	}

	/**
	 * Sends the images back and queues each regeneration run in the on-demand lane, in
	 * the decision's transaction.
	 */
	public Regeneration regenerateQueued(Collection<Long> taskIds, String by, Scope scope) {
		return this.transaction.execute((status) -> sendBack(taskIds, by, scope, true));
	}

	private Regeneration sendBack(Collection<Long> taskIds, String by, Scope scope, boolean queued) {
		List<Long> regenerated = new ArrayList<>();
		List<Long> regenerationRuns = new ArrayList<>();
		lockHeld(taskIds, scope).forEach((runId, tasks) -> {
			GenerationRun regeneration = this.runs.createRegeneration(this.runs.get(runId));
			for (long task : tasks) {
				this.updates.decided(task, TaskState.REGENERATED,
						"regenerated by " + by + " in run " + regeneration.id());
				copyWithNewSeed(task, regeneration.id());
				audit(task, "REGENERATE", null, by, regeneration.id());
				regenerated.add(task);
			}
			if (queued) {
				this.queue.submitRegeneration(regeneration.id());
			}
			regenerationRuns.add(regeneration.id());
		});
		return new Regeneration(regenerated, regenerationRuns);
	}

	/**
	 * The task again as PENDING in the regeneration run: the same product, scene,
	 * prompts, parameters and cache key (it answers the same request), a new seed, and
	 * its lineage.
	 */
	private void copyWithNewSeed(long taskId, long regenerationRunId) {
		long seed = this.jdbc.queryForObject("SELECT seed FROM render_task WHERE id = ?", Long.class, taskId);
		this.jdbc.update("""
				INSERT INTO render_task (run_id, merchant_id, product_id, template_set, template_id, template_version,
				                         variant, seed, prompt, negative_prompt, alt_text, params, state, matched_rule,
				                         cache_key, regenerated_from)
				SELECT ?, merchant_id, product_id, template_set, template_id, template_version, variant, ?, prompt,
				       negative_prompt, alt_text, params, 'PENDING', matched_rule, cache_key, id
				FROM render_task WHERE id = ?""", regenerationRunId, Seeds.regenerated(seed, taskId), taskId);
	}

	/**
	 * Locks the tasks and checks that every one is held and in the scope.
	 * @return the task ids by run, in id order
	 */
	private Map<Long, List<Long>> lockHeld(Collection<Long> taskIds, Scope scope) {
		if (taskIds.isEmpty()) {
			throw new IllegalArgumentException("no tasks given");
		}
		Map<Long, List<Long>> byRun = new LinkedHashMap<>();
		for (long taskId : new LinkedHashSet<>(taskIds).stream().sorted().toList()) {
			List<Map<String, Object>> rows = this.jdbc
				.queryForList("SELECT run_id, merchant_id, state FROM render_task WHERE id = ? FOR UPDATE", taskId);
			if (rows.isEmpty()
					|| (scope.merchantId() != null && !scope.merchantId().equals(rows.get(0).get("merchant_id")))) {
				throw new NoSuchElementException("no task with id " + taskId);
			}
			String state = (String) rows.get(0).get("state");
			if (!TaskState.NEEDS_REVIEW.name().equals(state)) {
				throw new ReviewConflictException(
						"task " + taskId + " is " + state + ", not held for review; nothing was decided");
			}
			byRun.computeIfAbsent(((Number) rows.get(0).get("run_id")).longValue(), (run) -> new ArrayList<>())
				.add(taskId);
		}
		return byRun;
	}

	private void audit(long taskId, String decision, String reason, String by, Long regenerationRun) {
		this.jdbc.update("""
				INSERT INTO review_decision (task_id, decision, reason, decided_by, regeneration_run)
				VALUES (?, ?, ?, ?, ?)""", taskId, decision, reason, by, regenerationRun);
	}

}
