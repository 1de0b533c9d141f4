package com.prompt2pixel.moderate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.task.TaskImage;
import com.prompt2pixel.task.TaskImages;
import com.prompt2pixel.task.TaskStateUpdates;
import com.prompt2pixel.webhook.WebhookOutbox;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies verdicts: APPROVED, or NEEDS_REVIEW with every problem as the reason. An image
 * held for review is announced to the merchant's webhooks ({@code image.needs_review}) in
 * the chunk's transaction, so the event exists exactly when the hold does.
 */
class ModerationWriter implements ItemWriter<ModerationVerdict> {

	private final TaskStateUpdates updates;

	private final TaskImages images;

	private final WebhookOutbox outbox;

	ModerationWriter(TaskStateUpdates updates, TaskImages images, WebhookOutbox outbox) {
		this.updates = updates;
		this.images = images;
		this.outbox = outbox;
	}

	@Override
	public void write(Chunk<? extends ModerationVerdict> chunk) {
		for (ModerationVerdict verdict : chunk) {
			if (verdict.approved()) {
				this.updates.approved(verdict.taskId(), verdict.checks(), verdict.fingerprint());
			}
			else {
				this.updates.heldForReview(verdict.taskId(), String.join("; ", verdict.problems()), verdict.checks(),
						verdict.fingerprint());
				TaskImage image = this.images.find(verdict.taskId()).orElseThrow();
				this.outbox.record(image.merchant(), WebhookOutbox.IMAGE_NEEDS_REVIEW,
						() -> needsReview(image, verdict.problems()));
			}
		}
	}

	private static Map<String, Object> needsReview(TaskImage image, List<String> problems) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("image", image.id());
		data.put("run", image.run());
		data.put("product", image.product());
		data.put("scene", image.scene());
		data.put("variant", image.variant());
		data.put("problems", problems);
		data.put("url", "/api/v1/images/" + image.id());
		data.put("meta", "/api/v1/images/" + image.id() + "/meta");
		return data;
	}

}
