package com.prompt2pixel.admin;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The dashboard, at {@code /}: every member of staff sees it, live. */
@Controller
class DashboardController {

	private final Dashboard dashboard;

	private final LiveUpdates live;

	private final Fragments fragments;

	DashboardController(Dashboard dashboard, LiveUpdates live, Fragments fragments) {
		this.dashboard = dashboard;
		this.live = live;
		this.fragments = fragments;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("figures", this.dashboard.read());
		return "admin/dashboard";
	}

	/** The dashboard's figures as they change. */
	@GetMapping(path = "/live/dashboard", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter live() {
		return this.live.subscribe("figures",
				() -> this.fragments.render("admin/dashboard", "figures", Map.of("figures", this.dashboard.read())));
	}

}
