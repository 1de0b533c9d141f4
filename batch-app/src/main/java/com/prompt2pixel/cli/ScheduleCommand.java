package com.prompt2pixel.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.prompt2pixel.nightly.MerchantSchedule;
import com.prompt2pixel.nightly.MerchantSchedules;
import com.prompt2pixel.window.InvalidScheduleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code schedule}: a merchant's nightly catalog sync and incremental run.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
		description = "Sets when a merchant's nightly run is queued (its last catalog imported again, only "
				+ "changed products regenerated), in the merchant's time zone; the run then waits for its GPU "
				+ "pool's window. A night missed while no manager ran is made up once, not once per night.")
class ScheduleCommand implements Callable<Integer> {

	@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
	String merchant;

	@Option(names = "--at", paramLabel = "HH:MM", description = "every day at this time")
	String at;

	@Option(names = "--cron", paramLabel = "EXPRESSION",
			description = "or a Quartz cron expression, seconds first: '0 30 2 ? * MON-FRI'")
	String cron;

	@Option(names = "--time-zone", paramLabel = "ZONE", description = "the merchant's time zone, e.g. America/Chicago")
	String timeZone;

	@Option(names = "--pool", paramLabel = "NAME", description = "GPU pool of its runs (default: default)")
	String pool;

	@Option(names = "--off", description = "removes the merchant's schedule")
	boolean off;

	@Override
	public Integer call() {
		if (this.off) {
			return OneShot.run((context) -> OneShot.Output
				.ok(List.of(context.getBean(MerchantSchedules.class).remove(this.merchant)
						? "merchant " + this.merchant + ": no nightly run any more"
						: "merchant " + this.merchant + " had no nightly run")));
		}
		MerchantSchedule schedule;
		try {
			if (this.timeZone == null) {
				throw new InvalidScheduleException("--time-zone is required: the merchant's, e.g. Europe/Berlin");
			}
			schedule = MerchantSchedule.of(this.merchant, this.at, this.cron, this.timeZone, this.pool);
		}
		catch (InvalidScheduleException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		return OneShot.run((context) -> {
			var next = context.getBean(MerchantSchedules.class).save(schedule);
			return OneShot.Output.ok(List.of("merchant " + this.merchant + ": nightly run at '" + schedule.cron()
					+ "' (" + schedule.zone() + "), pool " + schedule.pool() + "; next " + next));
		});
	}

}
