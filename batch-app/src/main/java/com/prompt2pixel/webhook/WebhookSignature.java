package com.prompt2pixel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-P2P-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, keyed with
 * the endpoint's secret: a receiver recomputes it over the raw body, compares in constant
 * time, and refuses a {@code t} too far from its clock (a replayed capture).
 */
public final class WebhookSignature {

	public static final String HEADER = "X-P2P-Signature";

	private WebhookSignature() {
	}

	public static String sign(String secret, long unixSeconds, byte[] body) {
		return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds, body);
	}

	static String hmac(String secret, long unixSeconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every JVM has HmacSHA256", ex);
		}
	}

}
