package com.prompt2pixel.admin;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web admin's settings.
 *
 * @param thumbnailsDir where thumbnails are kept once made (one file per image and size)
 * @param liveInterval how often a live page's parts are rendered again, and sent when
 * they changed
 * @param progressInterval how often the images of a generation being made, or an import's
 * report, are rendered again: someone waits for them
 * @param heartbeat how often a live page that saw no change is sent a comment, so that
 * proxies keep the stream open and a dropped client is found
 * @param liveTimeout how long one event stream lasts; the browser opens the next one
 * itself
 */
@ConfigurationProperties("p2p.admin")
record AdminProperties(Path thumbnailsDir, Duration liveInterval, Duration progressInterval, Duration heartbeat,
		Duration liveTimeout) {

}
