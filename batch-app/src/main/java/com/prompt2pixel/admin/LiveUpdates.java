package com.prompt2pixel.admin;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live parts of the admin's pages, over Server-Sent Events. Each subscriber's part is
 * rendered again every {@code liveInterval} (a page's few images being made: every
 * {@code progressInterval}) and sent only when it changed; a subscriber that saw no
 * change for {@code heartbeat} gets a comment. A stream ends after {@code liveTimeout}
 * (the browser's EventSource opens the next one). A subscriber is forgotten as soon as
 * its stream completes, times out, fails or cannot be written to: a dropped client costs
 * nothing after its next send.
 */
@Component
class LiveUpdates implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

	private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "admin-live-updates");
		thread.setDaemon(true);
		return thread;
	});

	private final AdminProperties properties;

	/**
	 * The ticker starts with the first stream: a one-shot command never has a thread for
	 * it.
	 */
	private final AtomicBoolean ticking = new AtomicBoolean();

	LiveUpdates(AdminProperties properties) {
		this.properties = properties;
	}

	/**
	 * A stream of the part {@code render} makes, as events named {@code event}: the first
	 * at once, then each change.
	 */
	SseEmitter subscribe(String event, Supplier<String> render) {
		return subscribe(event, render, this.properties.liveInterval());
	}

	/**
	 * A stream of a part rendered again every {@code interval} (at most as often as
	 * {@code p2p.admin.progress-interval}): a few images being made are looked at more
	 * often than the dashboard.
	 */
	SseEmitter subscribe(String event, Supplier<String> render, Duration interval) {
		SseEmitter emitter = new SseEmitter(this.properties.liveTimeout().toMillis());
		Subscription subscription = new Subscription(emitter, event, render, interval);
		emitter.onCompletion(() -> this.subscriptions.remove(subscription));
		emitter.onTimeout(() -> {
			this.subscriptions.remove(subscription);
			emitter.complete();
		});
		emitter.onError((ex) -> this.subscriptions.remove(subscription));
		this.subscriptions.add(subscription);
		if (this.ticking.compareAndSet(false, true)) {
			long tick = this.properties.progressInterval().toMillis();
			this.ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
		}
		this.ticker.execute(() -> push(subscription));
		return emitter;
	}

	/** Streams open now. */
	int open() {
		return this.subscriptions.size();
	}

	/**
	 * One pass over the streams. Nothing may escape it: a scheduled task that throws is
	 * never run again, and every page would stop being live.
	 */
	private void tick() {
		for (Subscription subscription : this.subscriptions) {
			push(subscription);
		}
	}

	private void push(Subscription subscription) {
		try {
			if (subscription.due()) {
				subscription.push(this.properties.heartbeat());
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away (or the stream already ended)
			log.debug("A live stream ended: {}", ex.toString());
			end(subscription, ex);
		}
		catch (RuntimeException ex) {
			// a part that cannot be rendered (the database is away): this stream ends,
			// and the browser reconnects to a fresh one
			log.warn("A live part of the admin could not be rendered: {}", ex.toString());
			end(subscription, ex);
		}
	}

	private void end(Subscription subscription, Exception cause) {
		this.subscriptions.remove(subscription);
		try {
			subscription.emitter.completeWithError(cause);
		}
		catch (RuntimeException ex) {
			// it had already ended
			log.trace("A live stream had already ended", ex);
		}
	}

	@Override
	public void destroy() {
		this.ticker.shutdownNow();
		for (Subscription subscription : this.subscriptions) {
			subscription.emitter.complete();
		}
		this.subscriptions.clear();
	}

	private static final class Subscription {

		private final SseEmitter emitter;

		private final String event;

		private final Supplier<String> render;

		private final long intervalNanos;

		private String last;

		private long lastSentNanos = System.nanoTime();

		/** Never: the first push renders at once. */
		private long lastRenderedNanos = System.nanoTime() - Long.MAX_VALUE / 2;

		private Subscription(SseEmitter emitter, String event, Supplier<String> render, Duration interval) {
			this.emitter = emitter;
			this.event = event;
			this.render = render;
			this.intervalNanos = interval.toNanos();
		}

		/** Whether its interval has passed since it was last rendered. */
		private boolean due() {
			return System.nanoTime() - this.lastRenderedNanos >= this.intervalNanos;
		}

		/** Only ever called from the ticker's one thread. */
		private void push(Duration heartbeat) throws IOException {
			this.lastRenderedNanos = System.nanoTime();
			String html = this.render.get();
			if (!html.equals(this.last)) {
				// an SSE data field may not hold a line break: each line is a data line,
				// and the browser joins them with \n again
				this.emitter.send(SseEmitter.event().name(this.event).data(html));
				this.last = html;
				this.lastSentNanos = System.nanoTime();
			}
			else if (System.nanoTime() - this.lastSentNanos >= heartbeat.toNanos()) {
				this.emitter.send(SseEmitter.event().comment("heartbeat"));
				this.lastSentNanos = System.nanoTime();
			}
		}

	}

}
