package com.prompt2pixel.moderate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Automatic moderation.
 *
 * @param minLuminanceStdDev images whose luminance varies less than this (0-255) are held
 * as near-uniform
 */
@ConfigurationProperties("p2p.moderate")
record ModerationProperties(double minLuminanceStdDev) {

}
