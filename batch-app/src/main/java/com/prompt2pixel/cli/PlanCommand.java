package com.prompt2pixel.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.prompt2pixel.merchant.Merchants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plan}: a merchant's plan, which orders its runs in their lane.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
		description = "Sets a merchant's plan: a paid plan's submitted runs go ahead of free ones in their lane "
				+ "(a free run that has waited p2p.schedule.aging goes with the paid ones).")
class PlanCommand implements Callable<Integer> {

	@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
	String merchant;

	@Option(names = "--plan", required = true, paramLabel = "PLAN", description = "free or paid")
	String plan;

	@Override
	public Integer call() {
		return OneShot.run((context) -> {
			context.getBean(Merchants.class).setPlan(this.merchant, this.plan);
			return OneShot.Output
				.ok(List.of("merchant " + this.merchant + ": plan " + this.plan.strip().toLowerCase(Locale.ROOT)));
		});
	}

}
