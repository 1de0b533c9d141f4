/**
 * Webhooks to merchants: their endpoints, the outbox of events written with the changes
 * they report, and the managers' signed, retried delivery of them.
 */
package com.prompt2pixel.webhook;
