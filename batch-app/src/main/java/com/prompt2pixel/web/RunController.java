package com.prompt2pixel.web;

import com.prompt2pixel.queue.RunProgress;
import com.prompt2pixel.queue.RunProgresses;
import com.prompt2pixel.run.RunSummaries;
import com.prompt2pixel.run.RunSummary;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Runs: status and counts, the same summary the CLI prints; and their progress (state,
 * tasks per state, expected start, ETA), as {@code status --run} prints it.
 */
@RestController
@RequestMapping("/api/v1/runs")
class RunController {

	private final RunSummaries summaries;

	private final RunProgresses progresses;

	RunController(RunSummaries summaries, RunProgresses progresses) {
		this.summaries = summaries;
		this.progresses = progresses;
	}

	@GetMapping("/{id}/progress")
	RunProgress progress(@PathVariable long id) {
		return this.progresses.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run with id " + id));
	}

	@GetMapping("/{id}")
	RunSummary run(@PathVariable long id) {
		return this.summaries.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run with id " + id));
	}

}
