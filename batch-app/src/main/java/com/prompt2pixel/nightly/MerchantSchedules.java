package com.prompt2pixel.nightly;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.window.GpuPools;
import com.prompt2pixel.window.InvalidScheduleException;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merchants' nightly schedules: a {@code merchant_schedule} row and its Quartz cron
 * trigger, saved together (Quartz's JDBC store joins the transaction).
 *
 * <p>
 * Misfires: a trigger that should have fired while no manager was up fires once when one
 * is back, not once per missed night (Quartz's fire-and-proceed), and then keeps its
 * schedule.
 */
@Service
public class MerchantSchedules {

	static final String GROUP = "nightly";

	private final JdbcTemplate jdbc;

	private final Scheduler scheduler;

	private final GpuPools pools;

	private final Clock clock;

	private final Merchants merchants;

	MerchantSchedules(JdbcTemplate jdbc, Scheduler scheduler, GpuPools pools, Clock clock, Merchants merchants) {
		this.merchants = merchants;
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.pools = pools;
		this.clock = clock;
	}

	/**
	 * @return when it fires next
	 * @throws InvalidScheduleException for an unknown merchant or pool
	 */
	@Transactional
	public Instant save(MerchantSchedule schedule) {
		String merchant = schedule.merchantId();
		String unknown = this.merchants.unknown(merchant);
		if (unknown != null) {
			throw new InvalidScheduleException(unknown);
		}
		this.pools.get(schedule.pool());
		this.jdbc.update("""
				INSERT INTO merchant_schedule (merchant_id, cron, time_zone, pool) VALUES (?, ?, ?, ?)
				ON CONFLICT (merchant_id) DO UPDATE
				SET cron = excluded.cron, time_zone = excluded.time_zone, pool = excluded.pool, updated_at = now()""",
				merchant, schedule.cron(), schedule.zone().getId(), schedule.pool());
		JobDetail job = JobBuilder.newJob(NightlyRunJob.class)
			.withIdentity(key(merchant))
			.usingJobData(NightlyRunJob.MERCHANT, merchant)
			.storeDurably()
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(merchant, GROUP)
			.forJob(job)
			// from now on the application's clock: a test that saves "three days ago"
			// sees
			// three missed nights
			.startAt(Date.from(this.clock.instant()))
			.withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
				.inTimeZone(TimeZone.getTimeZone(schedule.zone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
		try {
			this.scheduler.addJob(job, true);
			if (this.scheduler.checkExists(trigger.getKey())) {
				this.scheduler.rescheduleJob(trigger.getKey(), trigger);
			}
			else {
				this.scheduler.scheduleJob(trigger);
			}
			return this.scheduler.getTrigger(trigger.getKey()).getNextFireTime().toInstant();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot schedule merchant " + merchant + ": " + ex.getMessage(), ex);
		}
	}

	public Optional<MerchantSchedule> find(String merchantId) {
		List<MerchantSchedule> rows = this.jdbc.query(
				"SELECT cron, time_zone, pool FROM merchant_schedule WHERE merchant_id = ?",
				(rs, row) -> new MerchantSchedule(merchantId, rs.getString("cron"),
						ZoneId.of(rs.getString("time_zone")), rs.getString("pool")),
				merchantId);
		return rows.stream().findFirst();
	}

	/** Removes the schedule; false when there was none. */
	@Transactional
	public boolean remove(String merchantId) {
		try {
			this.scheduler.deleteJob(key(merchantId));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot unschedule merchant " + merchantId + ": " + ex.getMessage(), ex);
		}
		return this.jdbc.update("DELETE FROM merchant_schedule WHERE merchant_id = ?", merchantId) == 1;
	}

	/** When the merchant's trigger fires next, if it has one. */
	public Optional<Instant> nextFire(String merchantId) {
		try {
			Trigger trigger = this.scheduler.getTrigger(new TriggerKey(merchantId, GROUP));
			return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private static JobKey key(String merchantId) {
		return new JobKey(merchantId, GROUP);
	}

}
