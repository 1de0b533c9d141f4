package com.prompt2pixel.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.GpuPools;
import com.prompt2pixel.window.InvalidScheduleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code window}: a GPU pool's off-peak generation windows.
 */
@Command(name = "window", mixinStandardHelpOptions = true,
		description = "Sets the generation windows of a GPU pool (replacing its old ones): batch runs on the pool "
				+ "start only inside a window and stop, resumable, when it closes. A window whose end is "
				+ "before its start runs past midnight.")
class WindowCommand implements Callable<Integer> {

	@Option(names = "--pool", defaultValue = GpuPool.DEFAULT, paramLabel = "NAME",
			description = "pool name (default: ${DEFAULT-VALUE})")
	String pool;

	@Option(names = "--time-zone", required = true, paramLabel = "ZONE",
			description = "where the windows' times are read, e.g. Europe/Berlin or UTC")
	String timeZone;

	@Option(names = "--open", paramLabel = "HH:MM-HH:MM",
			description = "a window, e.g. 00:00-06:00 or 22:00-04:00; repeatable; none: always open")
	List<String> windows = new ArrayList<>();

	@Override
	public Integer call() {
		GpuPool pool;
		try {
			pool = GpuPool.of(this.pool, this.timeZone, this.windows);
		}
		catch (InvalidScheduleException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		return OneShot.run((context) -> {
			context.getBean(GpuPools.class).save(pool);
			Instant now = Instant.now();
			String state = pool.windows().isEmpty() ? "always open"
					: pool.isOpen(now) ? "open now, closes " + pool.closing(now).orElseThrow()
							: "closed now, opens " + pool.nextOpening(now).orElseThrow();
			return OneShot.Output.ok(List.of("pool " + pool.name() + " (" + pool.zone() + "): "
					+ (pool.windows().isEmpty() ? "no windows" : pool.windows().toString()) + "; " + state));
		});
	}

}
