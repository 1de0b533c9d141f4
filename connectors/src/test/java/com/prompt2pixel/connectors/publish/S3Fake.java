package com.prompt2pixel.connectors.publish;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A real S3 API server (s3proxy over an in-memory jclouds blob store), signed requests
 * and all, on a free port.
 */
public final class S3Fake implements AutoCloseable {

	public static final String ACCESS_KEY = "test-access-key";

	public static final String SECRET_KEY = "test-secret-key-0123456789";

	private final S3Proxy proxy;

	private final BlobStoreContext context;

	public S3Fake() {
		Properties properties = new Properties();
		this.context = ContextBuilder.newBuilder("transient")
			.credentials("identity", "credential")
			.overrides(properties)
			.build(BlobStoreContext.class);
		this.proxy = S3Proxy.builder()
			.blobStore(this.context.getBlobStore())
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		try {
			this.proxy.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			// its Jetty is shaded: the state is compared by name
			while (!"STARTED".equals(this.proxy.getState())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("s3proxy did not start: " + this.proxy.getState());
				}
				Thread.onSpinWait();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot start s3proxy", ex);
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.proxy.getPort());
	}

	/** How the application reaches it: path-style, checksums only where required. */
	public S3Connection connection() {
		return new S3Connection(endpoint(), "us-east-1", true, true, Duration.ofSeconds(10));
	}

	public StaticCredentialsProvider credentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
	}

	public S3Client client() {
		return connection().client(credentials());
	}

	public S3Presigner presigner() {
		return connection().presigner(credentials());
	}

	public void createBucket(String bucket) {
		try (S3Client client = client()) {
			client.createBucket((request) -> request.bucket(bucket));
		}
	}

	@Override
	public void close() {
		try {
			this.proxy.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot stop s3proxy", ex);
		}
		this.context.close();
	}

}
