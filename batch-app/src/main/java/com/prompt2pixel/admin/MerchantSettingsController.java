package com.prompt2pixel.admin;

import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.nightly.MerchantSchedule;
import com.prompt2pixel.nightly.MerchantSchedules;
import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.GpuPools;
import com.prompt2pixel.window.InvalidScheduleException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A merchant's plan and nightly schedule, for operators and admins, saved as {@code plan}
 * and {@code schedule} save them: a paid plan's runs go ahead of free ones in their lane;
 * the nightly run syncs the catalog and renders what changed, then waits for its pool's
 * window.
 */
@Controller
class MerchantSettingsController {

	private final Merchants merchants;

	private final MerchantSchedules schedules;

	private final GpuPools pools;

	private final ProductSearch search;

	MerchantSettingsController(Merchants merchants, MerchantSchedules schedules, GpuPools pools, ProductSearch search) {
		this.merchants = merchants;
		this.schedules = schedules;
		this.pools = pools;
		this.search = search;
	}

	@GetMapping("/settings/merchants")
	String merchant(@RequestParam(required = false) String merchant, Model model) {
		model.addAttribute("merchants", this.search.allMerchants());
		model.addAttribute("merchant", (merchant == null) ? "" : merchant);
		model.addAttribute("poolNames", this.pools.all().stream().map(GpuPool::name).toList());
		if (merchant != null && !merchant.isBlank()) {
			String plan = this.merchants.plan(merchant)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no merchant '" + merchant + "'"));
			model.addAttribute("plan", plan);
			model.addAttribute("schedule", this.schedules.find(merchant).orElse(null));
			model.addAttribute("nextFire", this.schedules.nextFire(merchant).orElse(null));
		}
		return "admin/merchant-settings";
	}

	@PostMapping("/settings/merchants/{merchant}/plan")
	String plan(@PathVariable String merchant, @RequestParam(defaultValue = "") String plan,
			RedirectAttributes redirect) {
		redirect.addAttribute("merchant", merchant);
		try {
			this.merchants.setPlan(merchant, plan);
			redirect.addFlashAttribute("notice", merchant + "'s plan is " + plan + ".");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("planProblem", ex.getMessage());
		}
		return "redirect:/settings/merchants";
	}

	/**
	 * @param at a time of day (HH:MM); or {@code cron}, a Quartz expression
	 */
	@PostMapping("/settings/merchants/{merchant}/schedule")
	String schedule(@PathVariable String merchant, @RequestParam(defaultValue = "") String at,
			@RequestParam(defaultValue = "") String cron, @RequestParam(defaultValue = "UTC") String timeZone,
			@RequestParam(defaultValue = GpuPool.DEFAULT) String pool, RedirectAttributes redirect) {
		redirect.addAttribute("merchant", merchant);
		try {
			MerchantSchedule schedule = MerchantSchedule.of(merchant, at.isBlank() ? null : at,
					cron.isBlank() ? null : cron, timeZone, pool);
			redirect.addFlashAttribute("notice", "The nightly run of " + merchant + " is queued next at "
					+ Formats.INSTANCE.time(this.schedules.save(schedule)) + ".");
		}
		catch (InvalidScheduleException ex) {
			redirect.addFlashAttribute("scheduleProblem", ex.getMessage());
		}
		return "redirect:/settings/merchants";
	}

	@PostMapping("/settings/merchants/{merchant}/schedule/remove")
	String removeSchedule(@PathVariable String merchant, RedirectAttributes redirect) {
		redirect.addAttribute("merchant", merchant);
		redirect.addFlashAttribute("notice", this.schedules.remove(merchant)
				? "The nightly run of " + merchant + " is off." : merchant + " had no nightly run.");
		return "redirect:/settings/merchants";
	}

}
