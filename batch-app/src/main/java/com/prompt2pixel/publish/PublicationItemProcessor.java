package com.prompt2pixel.publish;

import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.task.RenderTask;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fetches an approved task's image and its product's key.
 */
class PublicationItemProcessor implements ItemProcessor<RenderTask, PublicationItem> {

	private final ImageStore store;

	private final JdbcTemplate jdbc;

	PublicationItemProcessor(ImageStore store, JdbcTemplate jdbc) {
		this.store = store;
		this.jdbc = jdbc;
	}

	@Override
	public PublicationItem process(RenderTask task) {
		String productKey = this.jdbc.queryForObject("SELECT source_key FROM product WHERE id = ?", String.class,
				task.productId());
		return new PublicationItem(task, productKey, this.store.get(task.imageKey()));
	}

}
