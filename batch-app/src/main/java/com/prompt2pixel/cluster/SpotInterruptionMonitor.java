package com.prompt2pixel.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the EC2 instance-metadata spot notice ({@code spot/instance-action}: 404 until
 * the instance is to be taken, then 200 with the action and its time, two minutes ahead)
 * when {@code p2p.schedule.spot-notice-url} is set. On a notice the process shuts down as
 * on SIGTERM: its runs stop at a chunk boundary within the deadline and resume on other
 * nodes.
 */
@Component
class SpotInterruptionMonitor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SpotInterruptionMonitor.class);

	private final ScheduleProperties properties;

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ScheduledExecutorService poller;

	private volatile boolean running;

	SpotInterruptionMonitor(ScheduleProperties properties, ConfigurableApplicationContext context) {
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void start() {
		String url = this.properties.spotNoticeUrl();
		if (!this.properties.dispatch() || url == null || url.isBlank()) {
			return;
		}
		URI notice = URI.create(url.strip());
		this.poller = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "spot-notice");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.spotPollInterval().toMillis();
		this.poller.scheduleWithFixedDelay(() -> poll(notice), 0, interval, TimeUnit.MILLISECONDS);
		this.running = true;
		log.info("Watching {} for a spot interruption notice every {}", notice, this.properties.spotPollInterval());
	}

	private void poll(URI notice) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(notice).timeout(Duration.ofSeconds(2)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				log.warn("Spot interruption notice: {}; draining this node", response.body().strip());
				this.poller.shutdown();
				// a thread of its own: closing the context stops this poller too
				Thread exit = new Thread(() -> System.exit(SpringApplication.exit(this.context, () -> 0)), "spot-exit");
				exit.start();
			}
		}
		catch (IOException ex) {
			// no metadata service here (or a blip): the next poll asks again
			log.debug("Spot notice unreadable: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		if (this.poller != null) {
			this.poller.shutdownNow();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
