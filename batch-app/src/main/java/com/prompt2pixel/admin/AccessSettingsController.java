package com.prompt2pixel.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.prompt2pixel.security.ApiKeys;
import com.prompt2pixel.security.NewApiKey;
import com.prompt2pixel.security.StaffAccounts;
import com.prompt2pixel.security.StaffRole;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who may call: merchants' API keys (a new key is shown once, on the page that follows
 * its creation, and never again; a key is revoked at once) and staff accounts, for admins
 * only (the security policy keeps everyone else out). The same services as
 * {@code api-key} and {@code user} on the command line.
 */
@Controller
class AccessSettingsController {

	private final ApiKeys keys;

	private final StaffAccounts staff;

	private final ProductSearch merchants;

	AccessSettingsController(ApiKeys keys, StaffAccounts staff, ProductSearch merchants) {
		this.keys = keys;
		this.staff = staff;
		this.merchants = merchants;
	}

	@GetMapping("/settings/access")
	String access(@RequestParam(required = false) String merchant, Model model) {
		model.addAttribute("merchants", this.merchants.allMerchants());
		model.addAttribute("merchant", (merchant == null) ? "" : merchant.strip());
		if (merchant != null && !merchant.isBlank()) {
			model.addAttribute("keys", this.keys.list(merchant.strip()));
		}
		model.addAttribute("accounts", this.staff.list());
		model.addAttribute("roles",
				Arrays.stream(StaffRole.values()).map((role) -> role.name().toLowerCase(Locale.ROOT)).toList());
		return "admin/access";
	}

	@PostMapping("/settings/api-keys")
	String createKey(@RequestParam(defaultValue = "") String merchant, @RequestParam(defaultValue = "") String name,
			RedirectAttributes redirect) {
		redirect.addAttribute("merchant", merchant.strip());
		try {
			NewApiKey created = this.keys.create(merchant.strip(), name);
			// a flash attribute: shown on the next page only, never stored anywhere else
			redirect.addFlashAttribute("newKey", created.secret());
			redirect.addFlashAttribute("notice",
					"Key " + created.key().prefix() + "… made for " + created.key().merchant() + ".");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("keyProblem", ex.getMessage());
		}
		return "redirect:/settings/access";
	}

	@PostMapping("/settings/api-keys/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		try {
			var key = this.keys.revoke(id);
			redirect.addAttribute("merchant", key.merchant());
			redirect.addFlashAttribute("notice", "Key " + key.prefix() + "… is revoked.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/settings/access";
	}

	@PostMapping("/settings/staff")
	String addStaff(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
		try {
			String generated = this.staff.add(email, StaffRole.parse(role), password.isEmpty() ? null : password);
			redirect.addFlashAttribute("notice", "Account " + email.strip() + " added as " + role + ".");
			if (generated != null) {
				redirect.addFlashAttribute("newPassword", generated);
			}
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("staffProblem", ex.getMessage());
			redirect.addFlashAttribute("staffForm", List.of(email, role));
		}
		return "redirect:/settings/access";
	}

}
