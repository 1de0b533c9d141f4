package com.prompt2pixel.publish;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.prompt2pixel.connectors.images.PhotoHosts;
import com.prompt2pixel.connectors.publish.S3Connection;
import com.prompt2pixel.connectors.publish.S3Publisher;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Publishing to the merchants' targets.
 *
 * @param s3 how S3 targets are reached; credentials come from the AWS SDK's default chain
 * (environment, profile, instance role) and are never configured here
 */
@ConfigurationProperties("p2p.publish")
public record PublishProperties(S3 s3) {

	public PublishProperties {
		s3 = (s3 != null) ? s3 : new S3(null, "us-east-1", false, "when-supported", Duration.ofDays(7),
				Duration.ofSeconds(60), List.of());
	}

	/**
	 * @param endpoint an S3-compatible store's URL for targets that name none; empty for
	 * AWS
	 * @param region the region
	 * @param pathStyle path-style addressing, which most S3-compatible stores need
	 * @param checksum {@code when-supported} (the SDK's default) or
	 * {@code when-required}, for stores that the SDK's CRC32 checksum headers break
	 * (MinIO, R2, Ceph)
	 * @param linkLifetime how long a presigned link works (at most 7 days)
	 * @param timeout one request
	 * @param allowedEndpointHosts host names or CIDR ranges a target's own endpoint may
	 * be on besides the public internet (loopback, private and link-local addresses are
	 * refused otherwise: a target's endpoint is the merchant's input, and the server must
	 * not be made to call itself or its network)
	 */
	public record S3(URI endpoint, String region, boolean pathStyle, String checksum, Duration linkLifetime,
			Duration timeout, List<String> allowedEndpointHosts) {

		public S3 {
			allowedEndpointHosts = (allowedEndpointHosts != null) ? List.copyOf(allowedEndpointHosts) : List.of();
			checksum = (checksum != null) ? checksum : "when-supported";
			if (!checksum.equals("when-supported") && !checksum.equals("when-required")) {
				throw new IllegalArgumentException(
						"p2p.publish.s3.checksum must be when-supported or when-required, was " + checksum);
			}
			if (linkLifetime == null || linkLifetime.compareTo(S3Publisher.MAX_LINK_LIFETIME) > 0
					|| linkLifetime.isNegative() || linkLifetime.isZero()) {
				throw new IllegalArgumentException(
						"p2p.publish.s3.link-lifetime must be more than 0 and at most 7 days, was " + linkLifetime);
			}
			if (endpoint != null && endpoint.toString().isEmpty()) {
				endpoint = null;
			}
		}

		/**
		 * Checks a target's own endpoint: an http(s) URL with a host, and no user name,
		 * on a host whose every address is public or that
		 * {@code p2p.publish.s3.allowed-endpoint-hosts} admits. Checked when it is set
		 * and again before each connection (a name may resolve elsewhere since).
		 * @throws IllegalArgumentException naming why it is not called
		 */
		public void checkEndpoint(URI targetEndpoint) {
			String scheme = (targetEndpoint.getScheme() != null) ? targetEndpoint.getScheme().toLowerCase(Locale.ROOT)
					: "";
			if ((!scheme.equals("https") && !scheme.equals("http")) || targetEndpoint.getHost() == null
					|| targetEndpoint.getRawUserInfo() != null) {
				throw new IllegalArgumentException(
						"S3 endpoint '" + targetEndpoint + "' is not an http(s) URL with a host and no user name");
			}
			if (!PhotoHosts.allowing(this.allowedEndpointHosts).admits(targetEndpoint.getHost())) {
				throw new IllegalArgumentException("S3 endpoint '" + targetEndpoint
						+ "' is on a host that is unknown, local or private, which is not called "
						+ "(p2p.publish.s3.allowed-endpoint-hosts admits an intranet store)");
			}
		}

		/**
		 * The connection for a target with this endpoint (null: the configured one, which
		 * the operator chose and is not checked).
		 * @throws IllegalArgumentException when the target's endpoint may not be called
		 */
		public S3Connection connection(URI targetEndpoint) {
			if (targetEndpoint != null) {
				checkEndpoint(targetEndpoint);
			}
			return new S3Connection((targetEndpoint != null) ? targetEndpoint : this.endpoint, this.region,
					this.pathStyle, "when-required".equals(this.checksum), this.timeout);
		}

	}

}
