package com.prompt2pixel.publish;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.prompt2pixel.connectors.publish.FolderPublisher;
import com.prompt2pixel.connectors.publish.ManifestRow;
import com.prompt2pixel.connectors.store.ImageStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes a run's published images and their manifest into another folder, as the run
 * wrote them into its own: for runs executed by a manager elsewhere ({@code submit}),
 * whose output folder is on that machine.
 */
@Service
public class RunExport {

	private final JdbcTemplate jdbc;

	private final ImageStore store;

	RunExport(JdbcTemplate jdbc, ImageStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/**
	 * @return the images written
	 * @throws IllegalArgumentException when there is no such run
	 */
	public int export(long runId, Path folder) {
		if (this.jdbc.queryForList("SELECT 1 FROM generation_run WHERE id = ?", Integer.class, runId).isEmpty()) {
			throw new IllegalArgumentException("no run with id " + runId);
		}
		FolderPublisher publisher = new FolderPublisher(folder);
		AtomicInteger written = new AtomicInteger();
		try (FolderPublisher.ManifestWriter manifest = publisher.manifest()) {
			this.jdbc.query(ManifestTasklet.PUBLISHED, (rs) -> {
				String file = publisher.publish(rs.getString(1), rs.getString(2), rs.getInt(3),
						this.store.get(rs.getString(9)));
				manifest.add(new ManifestRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
						rs.getString(5), rs.getString(6), file, rs.getString(8)));
				written.incrementAndGet();
			}, runId);
			manifest.commit();
		}
		return written.get();
	}

}
