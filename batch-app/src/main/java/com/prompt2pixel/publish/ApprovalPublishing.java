package com.prompt2pixel.publish;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.prompt2pixel.connectors.publish.FolderPublisher;
import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.run.GenerationRun;
import com.prompt2pixel.run.RunRepository;
import com.prompt2pixel.task.RenderTask;
import com.prompt2pixel.task.TaskStateUpdates;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Publishes the images a reviewer approved, at once and the way the run's own publish
 * steps do: each into the run's folder (recorded, PUBLISHED; in the caller's transaction,
 * so that a failed write undoes the approval), then, onward, the run's images to its
 * targets (only those not published there yet) and the run's manifest written anew, so
 * that {@code export-run} and the manifest include them.
 */
@Service
public class ApprovalPublishing {

	private final JdbcTemplate jdbc;

	private final ImageStore store;

	private final TaskStateUpdates updates;

	private final RunRepository runs;

	private final TargetPublishing targets;

	ApprovalPublishing(JdbcTemplate jdbc, ImageStore store, TaskStateUpdates updates, RunRepository runs,
			TargetPublishing targets) {
		this.jdbc = jdbc;
		this.store = store;
		this.updates = updates;
		this.runs = runs;
		this.targets = targets;
	}

	/**
	 * @param taskIds approved tasks of the run; any in another state are left alone
	 */
	public void toRunFolder(long runId, Collection<Long> taskIds) {
		toFolder(runId, taskIds, "APPROVED");
	}

	/**
	 * The later runs' reuses of images just approved, each into its own run's folder: a
	 * run that found the image held when it reused it published nothing of it, and its
	 * own publish step has passed. In the caller's transaction, as the approval's.
	 * @param approvedTaskIds tasks approved (and published) a moment ago
	 * @return the runs that published a reuse, for {@link #onward}
	 */
	public Set<Long> reusesToTheirRunFolders(Collection<Long> approvedTaskIds) {
		Map<Long, List<Long>> reuses = new TreeMap<>();
		this.jdbc.query("""
				SELECT t.run_id, t.id FROM render_task t
				WHERE t.cached_from = ANY (?) AND t.state = 'SKIPPED_CACHED'
				  AND NOT EXISTS (SELECT 1 FROM publication p WHERE p.task_id = t.id AND p.destination = 'FOLDER')
				ORDER BY t.id""", (rs) -> {
			reuses.computeIfAbsent(rs.getLong(1), (run) -> new ArrayList<>()).add(rs.getLong(2));
		}, (Object) approvedTaskIds.toArray(Long[]::new));
		reuses.forEach((run, tasks) -> toFolder(run, tasks, "SKIPPED_CACHED"));
		return reuses.keySet();
	}

	private void toFolder(long runId, Collection<Long> taskIds, String inState) {
		GenerationRun run = this.runs.get(runId);
		FolderPublisher folder = new FolderPublisher(run.outDir());
		for (long taskId : taskIds) {
			this.jdbc.query("""
					SELECT t.id, t.run_id, t.product_id, t.template_id, t.variant, t.seed, t.prompt, t.negative_prompt,
					       t.params::text AS params, t.image_key, t.image_sha256, p.source_key
					FROM render_task t JOIN product p ON p.id = t.product_id
					WHERE t.id = ? AND t.run_id = ? AND t.state = ?""", (rs) -> {
				RenderTask task = new RenderTask(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("product_id"),
						rs.getString("template_id"), rs.getInt("variant"), rs.getLong("seed"), rs.getString("prompt"),
						rs.getString("negative_prompt"), rs.getString("params"), rs.getString("image_key"),
						rs.getString("image_sha256"));
				FolderPublicationWriter.publish(folder, this.jdbc, this.updates,
						new PublicationItem(task, rs.getString("source_key"), this.store.get(task.imageKey())));
			}, taskId, runId, inState);
		}
	}

	/**
	 * The run's images in its folder to its targets, and its manifest anew.
	 * @return per target, what was published to it
	 */
	public Map<String, TargetPublishing.Outcome> onward(long runId) {
		GenerationRun run = this.runs.get(runId);
		Map<String, TargetPublishing.Outcome> outcomes = this.targets.publish(runId, run.merchantId(), run.publishTo());
		ManifestTasklet.write(this.jdbc, new FolderPublisher(run.outDir()), runId);
		return outcomes;
	}

}
