package com.prompt2pixel.admin;

import java.util.List;

import com.prompt2pixel.merchant.Merchants;
import com.prompt2pixel.webhook.WebhookDeliveries;
import com.prompt2pixel.webhook.WebhookEndpoint;
import com.prompt2pixel.webhook.WebhookEndpoints;
import com.prompt2pixel.webhook.WebhookSignature;

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
 * Merchants' webhook endpoints, for admins only (their signing secrets are credentials,
 * as API keys are): registered (the secret is shown once, on the page that follows),
 * removed, and each endpoint's delivery log with every attempt and a replay. The same
 * services as {@code /api/v1/webhooks}, so the two never disagree.
 */
@Controller
class WebhookSettingsController {

	/** Deliveries an endpoint's page lists, newest first, as the API does. */
	private static final int DELIVERIES = 50;

	private final WebhookEndpoints endpoints;

	private final WebhookDeliveries deliveries;

	private final Merchants merchants;

	private final ProductSearch search;

	WebhookSettingsController(WebhookEndpoints endpoints, WebhookDeliveries deliveries, Merchants merchants,
			ProductSearch search) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.merchants = merchants;
		this.search = search;
	}

	@GetMapping("/settings/webhooks")
	String list(@RequestParam(required = false) String merchant, Model model) {
		String chosen = (merchant == null) ? "" : merchant.strip();
		model.addAttribute("merchants", this.search.allMerchants());
		model.addAttribute("merchant", chosen);
		model.addAttribute("events", WebhookEndpoints.EVENTS);
		model.addAttribute("signatureHeader", WebhookSignature.HEADER);
		if (!chosen.isEmpty()) {
			model.addAttribute("webhooks", this.endpoints.list(chosen));
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new WebhookForm("", List.of()));
		}
		return "admin/webhooks";
	}

	/** What the register form sent, kept to show again beside its error. */
	record WebhookForm(String url, List<String> events) {
	}

	@PostMapping("/settings/webhooks")
	String register(@RequestParam(defaultValue = "") String merchant, @RequestParam(defaultValue = "") String url,
			@RequestParam(name = "event", required = false) List<String> events, RedirectAttributes redirect) {
		String chosen = merchant.strip();
		redirect.addAttribute("merchant", chosen);
		try {
			if (chosen.isEmpty() || this.merchants.plan(chosen).isEmpty()) {
				throw new IllegalArgumentException("no merchant '" + chosen + "'");
			}
			WebhookEndpoints.NewEndpoint created = this.endpoints.register(chosen, url.strip(), events);
			// a flash attribute: shown on the next page only, never stored anywhere else
			redirect.addFlashAttribute("newSecret", created.secret());
			redirect.addFlashAttribute("notice",
					"Webhook " + created.endpoint().id() + " registered: " + created.endpoint().url() + ".");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("urlProblem", ex.getMessage());
			redirect.addFlashAttribute("form", new WebhookForm(url, (events == null) ? List.of() : events));
		}
		return "redirect:/settings/webhooks";
	}

	@PostMapping("/settings/webhooks/{id}/remove")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		WebhookEndpoint endpoint = endpoint(id);
		this.endpoints.remove(id);
		redirect.addAttribute("merchant", endpoint.merchant());
		redirect.addFlashAttribute("notice", "Webhook " + id + " removed: nothing more is sent to " + endpoint.url()
				+ ", not even deliveries still pending.");
		return "redirect:/settings/webhooks";
	}

	@GetMapping("/settings/webhooks/{id}")
	String endpoint(@PathVariable long id, Model model) {
		model.addAttribute("webhook", endpoint(id));
		model.addAttribute("deliveries", this.deliveries.list(id, DELIVERIES));
		return "admin/webhook";
	}

	/** Sends the delivery again, as the same event (same id and body). */
	@PostMapping("/settings/webhooks/{id}/deliveries/{delivery}/replay")
	String replay(@PathVariable long id, @PathVariable long delivery, RedirectAttributes redirect) {
		endpoint(id);
		if (!this.deliveries.replay(id, delivery)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery " + delivery + " of webhook " + id);
		}
		redirect.addFlashAttribute("notice", "Delivery " + delivery + " is sent again, as the same event.");
		return "redirect:/settings/webhooks/" + id;
	}

	private WebhookEndpoint endpoint(long id) {
		return this.endpoints.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no webhook with id " + id));
	}

}
