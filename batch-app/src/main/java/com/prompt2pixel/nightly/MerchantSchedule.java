package com.prompt2pixel.nightly;

import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.InvalidScheduleException;
import java.text.ParseException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.quartz.CronExpression;

/**
 * When a merchant's nightly catalog sync and incremental run is queued: a Quartz cron
 * expression read in the merchant's time zone. The run then waits for its pool's window
 * like any batch run.
 *
 * @param merchantId the merchant
 * @param cron Quartz cron (seconds first: {@code 0 30 2 * * ?} is 02:30 every day)
 * @param zone the merchant's time zone
 * @param pool the GPU pool its runs go to
 */
public record MerchantSchedule(String merchantId, String cron, ZoneId zone, String pool) {

	/**
	 * A schedule from what an operator typed: either a time of day or a cron expression.
	 * @throws InvalidScheduleException for an invalid time, cron expression or time zone
	 */
	public static MerchantSchedule of(String merchantId, String at, String cron, String zone, String pool) {
		if ((at == null) == (cron == null)) {
			throw new InvalidScheduleException("give the nightly run's time as either --at HH:MM or --cron EXPRESSION");
		}
		String expression = cron;
		if (at != null) {
			try {
				LocalTime time = LocalTime.parse(at.strip());
				expression = "0 " + time.getMinute() + " " + time.getHour() + " * * ?";
			}
			catch (DateTimeParseException ex) {
				throw new InvalidScheduleException("'" + at + "' is not a time of day as HH:MM");
			}
		}
		try {
			CronExpression.validateExpression(expression);
		}
		catch (ParseException ex) {
			throw new InvalidScheduleException("'" + expression + "' is not a Quartz cron expression (seconds minutes "
					+ "hours day-of-month month day-of-week, e.g. '0 30 2 * * ?'): " + ex.getMessage());
		}
		return new MerchantSchedule(merchantId, expression, GpuPool.zone(zone),
				(pool != null) ? pool : GpuPool.DEFAULT);
	}

}
