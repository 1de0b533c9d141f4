package com.prompt2pixel.connectors.publish;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * How to reach an S3 API: AWS itself, or an S3-compatible store (MinIO, R2, Ceph) at an
 * endpoint. Credentials come from the SDK's default chain (environment, profile, instance
 * role) and are never stored here.
 *
 * @param endpoint the store's URL, or null for AWS
 * @param region the region (any for most compatible stores)
 * @param pathStyle {@code https://host/bucket/key} instead of
 * {@code https://bucket.host/key}, which most compatible stores need
 * @param checksumWhenRequired send request checksums only where S3 requires them: the
 * SDK's default CRC32 headers and trailers break many compatible stores
 * @param timeout one request
 */
public record S3Connection(URI endpoint, String region, boolean pathStyle, boolean checksumWhenRequired,
		Duration timeout) {

	public S3Client client() {
		return client(DefaultCredentialsProvider.builder().build());
	}

	public S3Client client(AwsCredentialsProvider credentials) {
		var builder = S3Client.builder()
			.region(Region.of(this.region))
			.credentialsProvider(credentials)
			.httpClientBuilder(
					UrlConnectionHttpClient.builder().connectionTimeout(this.timeout).socketTimeout(this.timeout))
			.forcePathStyle(this.pathStyle)
			.requestChecksumCalculation(this.checksumWhenRequired ? RequestChecksumCalculation.WHEN_REQUIRED
					: RequestChecksumCalculation.WHEN_SUPPORTED)
			.responseChecksumValidation(this.checksumWhenRequired ? ResponseChecksumValidation.WHEN_REQUIRED
					: ResponseChecksumValidation.WHEN_SUPPORTED);
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint);
		}
		return builder.build();
	}

	public S3Presigner presigner() {
		return presigner(DefaultCredentialsProvider.builder().build());
	}

	public S3Presigner presigner(AwsCredentialsProvider credentials) {
		var builder = S3Presigner.builder()
			.region(Region.of(this.region))
			.credentialsProvider(credentials)
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(this.pathStyle).build());
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint);
		}
		return builder.build();
	}

}
