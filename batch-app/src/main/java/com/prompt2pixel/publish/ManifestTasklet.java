package com.prompt2pixel.publish;

import com.prompt2pixel.connectors.publish.FolderPublisher;
import com.prompt2pixel.connectors.publish.ManifestRow;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code manifest.csv} from the database: one row per published image of the run,
 * so the manifest lists each image exactly once however often publishing was restarted.
 */
class ManifestTasklet implements Tasklet {

	/**
	 * The run's published images, in manifest order; also what {@link RunExport} copies.
	 */
	static final String PUBLISHED = """
			SELECT p.source_key, t.template_id, t.variant, t.seed, t.backend, t.prompt, pub.location, t.image_sha256,
			       t.image_key
			FROM render_task t
			JOIN product p ON p.id = t.product_id
			JOIN publication pub ON pub.task_id = t.id AND pub.destination = 'FOLDER' AND pub.status = 'PUBLISHED'
			WHERE t.run_id = ?
			ORDER BY p.source_key, t.template_id, t.variant""";

	private final JdbcTemplate jdbc;

	private final FolderPublisher publisher;

	private final long runId;

	ManifestTasklet(JdbcTemplate jdbc, FolderPublisher publisher, long runId) {
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.runId = runId;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		contribution.incrementWriteCount(write(this.jdbc, this.publisher, this.runId));
		return RepeatStatus.FINISHED;
	}

	/**
	 * Writes the run's manifest anew, replacing the old one only once it is complete.
	 * @return the images it lists
	 */
	static int write(JdbcTemplate jdbc, FolderPublisher publisher, long runId) {
		int[] rows = new int[1];
		try (FolderPublisher.ManifestWriter manifest = publisher.manifest()) {
			jdbc.query(PUBLISHED, (rs) -> {
				manifest.add(new ManifestRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
				rows[0]++;
			}, runId);
			manifest.commit();
		}
		return rows[0];
	}

}
