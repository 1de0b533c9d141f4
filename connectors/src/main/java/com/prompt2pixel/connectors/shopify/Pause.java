package com.prompt2pixel.connectors.shopify;

import java.time.Duration;

/**
 * Waits: for the throttle to refill, or a bulk operation's next poll (retries wait by the
 * retry policy). Tests pass one that records the waits instead of sleeping.
 */
@FunctionalInterface
public interface Pause {

	Pause SLEEP = (duration) -> Thread.sleep(duration.toMillis());

	void pause(Duration duration) throws InterruptedException;

}
