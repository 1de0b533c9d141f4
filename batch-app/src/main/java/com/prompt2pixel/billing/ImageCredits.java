package com.prompt2pixel.billing;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Credits a reported image's charge: a usage event of its own ({@code IMAGE_CREDITED},
 * quantity -1 at the price the image was billed), keyed by its task so an image is
 * credited once, and, when its run is invoiced already, a credit line on that invoice
 * with the total lowered by it, in the caller's transaction. An image that was never
 * billed (reused from the cache, a regeneration) has nothing to credit.
 */
@Service
public class ImageCredits {

	private final JdbcTemplate jdbc;

	ImageCredits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the amount credited now, or null when the image was not billed or was
	 * credited before
	 */
	public BigDecimal credit(long taskId) {
		List<BigDecimal> credited = this.jdbc.queryForList("""
				INSERT INTO usage_event (merchant_id, run_id, task_id, kind, quantity, unit_price, currency,
				                         idempotency_key)
				SELECT merchant_id, run_id, task_id, 'IMAGE_CREDITED', -quantity, unit_price, currency,
				       'image-credited:task:' || task_id
				FROM usage_event
				WHERE task_id = ? AND kind = 'IMAGE_GENERATED'
				ON CONFLICT (idempotency_key) DO NOTHING
				RETURNING round(-quantity * unit_price, 2)""", BigDecimal.class, taskId);
		if (credited.isEmpty()) {
			return null;
		}
		BigDecimal amount = credited.get(0);
		this.jdbc.update("""
				INSERT INTO invoice_line (invoice_id, description, quantity, unit_price, amount)
				SELECT i.id, 'Credit: reported image ' || t.id, -1, e.unit_price, -?
				FROM render_task t
				JOIN invoice i ON i.run_id = t.run_id
				JOIN usage_event e ON e.task_id = t.id AND e.kind = 'IMAGE_CREDITED'
				WHERE t.id = ?""", amount, taskId);
		this.jdbc.update("""
				UPDATE invoice SET total = total - ?
				WHERE run_id = (SELECT run_id FROM render_task WHERE id = ?)""", amount, taskId);
		return amount;
	}

}
