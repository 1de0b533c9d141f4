package com.prompt2pixel.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.GpuPools;
import com.prompt2pixel.window.InvalidScheduleException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings for operators and admins (the security policy keeps reviewers out): the GPU
 * pools' generation windows, saved as {@code window} saves them.
 */
@Controller
class SettingsController {

	private final GpuPools pools;

	SettingsController(GpuPools pools) {
		this.pools = pools;
	}

	@GetMapping("/settings")
	String settings(Model model) {
		model.addAttribute("pools", this.pools.all());
		if (!model.containsAttribute("window")) {
			model.addAttribute("window", new WindowForm(GpuPool.DEFAULT, "UTC", ""));
		}
		if (!model.containsAttribute("windowErrors")) {
			model.addAttribute("windowErrors", Map.of());
		}
		return "admin/settings";
	}

	/**
	 * @param windows the windows as the CLI's {@code --open} takes them, separated by
	 * commas or spaces; empty: always open
	 */
	record WindowForm(String pool, String timeZone, String windows) {
	}

	@PostMapping("/settings/windows")
	String saveWindows(@RequestParam(defaultValue = "") String pool, @RequestParam(defaultValue = "") String timeZone,
			@RequestParam(defaultValue = "") String windows, RedirectAttributes redirect) {
		WindowForm form = new WindowForm(pool, timeZone, windows);
		Map<String, String> errors = new LinkedHashMap<>();
		if (pool.isBlank()) {
			errors.put("pool", "a pool needs a name");
		}
		if (timeZone.isBlank()) {
			errors.put("timeZone", "a time zone, e.g. UTC or Europe/Berlin");
		}
		if (errors.isEmpty()) {
			List<String> opens = Arrays.stream(windows.split("[,\\s]+")).filter((w) -> !w.isBlank()).toList();
			try {
				GpuPool saved = GpuPool.of(pool.strip(), timeZone.strip(), opens);
				this.pools.save(saved);
				redirect.addFlashAttribute("notice", "Pool " + saved.name() + ": "
						+ (saved.windows().isEmpty() ? "always open" : saved.windows().toString()) + ".");
				return "redirect:/settings";
			}
			catch (InvalidScheduleException ex) {
				// the one problem it names, beside its field
				String field = ex.getMessage().startsWith("pool name") ? "pool"
						: ex.getMessage().contains("time zone") ? "timeZone" : "windows";
				errors.put(field, ex.getMessage());
			}
		}
		redirect.addFlashAttribute("window", form);
		redirect.addFlashAttribute("windowErrors", errors);
		return "redirect:/settings";
	}

}
