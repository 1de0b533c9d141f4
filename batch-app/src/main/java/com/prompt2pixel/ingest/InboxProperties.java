package com.prompt2pixel.ingest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The watched inbox: merchants (or their integrations) drop catalog files into {@code
 *
<dir>
 * /<merchant>/}; each is imported and moved to {@code
 *
<dir>
 * /done/<merchant>/} or {@code
 *
<dir>
 * /failed/<merchant>/} with its report beside it.
 *
 * @param dir the inbox folder; the route runs in {@code serve} when it is set
 */
@ConfigurationProperties("p2p.inbox")
public record InboxProperties(Path dir) {

}
