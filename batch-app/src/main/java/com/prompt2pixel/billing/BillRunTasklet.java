package com.prompt2pixel.billing;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records a usage event for every image the run generated (images reused from the cache
 * and regenerations a reviewer asked for are not billed again) and invoices the run, in
 * one transaction. Both inserts are keyed (the usage event by its task, the invoice by
 * its run), so running this again changes nothing.
 */
class BillRunTasklet implements Tasklet {

	private static final String RECORD_USAGE = """
			INSERT INTO usage_event (merchant_id, run_id, task_id, kind, quantity, unit_price, currency,
			                         idempotency_key)
			SELECT r.merchant_id, t.run_id, t.id, 'IMAGE_GENERATED', 1, ?, ?, 'image-generated:task:' || t.id
			FROM render_task t JOIN generation_run r ON r.id = t.run_id
			WHERE t.run_id = ? AND t.image_key IS NOT NULL AND t.cached_from IS NULL AND t.regenerated_from IS NULL
			ON CONFLICT (idempotency_key) DO NOTHING""";

	private static final String INVOICE = """
			INSERT INTO invoice (merchant_id, run_id, currency, total)
			SELECT r.merchant_id, r.id, ?,
			       coalesce((SELECT round(sum(quantity * unit_price), 2) FROM usage_event WHERE run_id = r.id), 0)
			FROM generation_run r
			WHERE r.id = ?
			ON CONFLICT (run_id) DO NOTHING
			RETURNING id""";

	/**
	 * A line per kind and price: generated images, and credits for images reported before
	 * the run was invoiced.
	 */
	private static final String INVOICE_LINES = """
			INSERT INTO invoice_line (invoice_id, description, quantity, unit_price, amount)
			SELECT ?, CASE kind WHEN 'IMAGE_GENERATED' THEN 'Generated images' ELSE 'Credits: reported images' END,
			       sum(quantity), unit_price, round(sum(quantity * unit_price), 2)
			FROM usage_event
			WHERE run_id = ?
			GROUP BY kind, unit_price
			ORDER BY kind DESC, unit_price""";

	private final JdbcTemplate jdbc;

	private final BillingProperties billing;

	private final long runId;

	BillRunTasklet(JdbcTemplate jdbc, BillingProperties billing, long runId) {
		this.jdbc = jdbc;
		this.billing = billing;
		this.runId = runId;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		int recorded = this.jdbc.update(RECORD_USAGE, this.billing.pricePerImage(), this.billing.currency(),
				this.runId);
		contribution.incrementWriteCount(recorded);
		this.jdbc.queryForList(INVOICE, Long.class, this.billing.currency(), this.runId)
			.forEach((invoiceId) -> this.jdbc.update(INVOICE_LINES, invoiceId, this.runId));
		return RepeatStatus.FINISHED;
	}

}
