package com.prompt2pixel.publish;

import com.prompt2pixel.connectors.publish.FolderPublisher;
import com.prompt2pixel.task.TaskStateUpdates;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes each image into the output folder, records the publication once (its idempotency
 * key is the task's; an image taken down and approved again is published again) and marks
 * the task PUBLISHED. A redone chunk rewrites the same files with the same bytes and
 * records nothing twice.
 */
class FolderPublicationWriter implements ItemWriter<PublicationItem> {

	private final FolderPublisher publisher;

	private final JdbcTemplate jdbc;

	private final TaskStateUpdates updates;

	FolderPublicationWriter(FolderPublisher publisher, JdbcTemplate jdbc, TaskStateUpdates updates) {
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.updates = updates;
	}

	@Override
	public void write(Chunk<? extends PublicationItem> chunk) {
		for (PublicationItem item : chunk) {
			publish(this.publisher, this.jdbc, this.updates, item);
		}
	}

	/**
	 * One image into the run's folder, its publication recorded once and its task
	 * PUBLISHED: the step's way and a reviewer's approval's alike.
	 */
	static void publish(FolderPublisher publisher, JdbcTemplate jdbc, TaskStateUpdates updates, PublicationItem item) {
		String location = publisher.publish(item.productKey(), item.task().templateId(), item.task().variant(),
				item.png());
		jdbc.update("""
				INSERT INTO publication (task_id, destination, location, idempotency_key)
				VALUES (?, 'FOLDER', ?, ?)
				ON CONFLICT (idempotency_key) DO UPDATE SET status = 'PUBLISHED', location = excluded.location,
				    reverted_at = NULL, published_at = CASE WHEN publication.status = 'PUBLISHED'
				                                       THEN publication.published_at ELSE now() END""",
				item.task().id(), location, "folder:task:" + item.task().id());
		// APPROVED -> PUBLISHED; a SKIPPED_CACHED task keeps its state (the move does not
		// apply)
		updates.published(item.task().id());
	}

}
