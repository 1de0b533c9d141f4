package com.prompt2pixel.ingest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The watched inbox: merchants (or their integrations) drop catalog files into
 * {@code DIR/<merchant>/}; each is imported and moved to {@code DIR/done/<merchant>/} or
 * {@code DIR/failed/<merchant>/} with its report beside it.
 *
 * @param dir the inbox folder ({@code DIR}); the route runs in {@code serve} when it is
 * set
 */
@ConfigurationProperties("p2p.inbox")
record InboxProperties(Path dir) {

}
