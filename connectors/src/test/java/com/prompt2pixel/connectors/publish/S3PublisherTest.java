package com.prompt2pixel.connectors.publish;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import com.prompt2pixel.templates.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class S3PublisherTest {

	private static S3Fake s3;

	private static S3Client client;

	@BeforeAll
	static void start() {
		s3 = new S3Fake();
		s3.createBucket("shop-images");
		client = s3.client();
	}

	@AfterAll
	static void stop() {
		client.close();
		s3.close();
	}

	@Test
	void shouldWriteAnImageOnceUnderItsContentAddressedKeyWithItsHeaders() throws Exception {
		S3Publisher publisher = publisher("catalog/v1", null);
		byte[] jpeg = "not really a jpeg, but bytes".getBytes(StandardCharsets.UTF_8);
		String sha = HexFormat.of().formatHex(Sha256.of(jpeg));

		S3Publisher.Stored first = publisher.publish("acme", jpeg, ImageFormat.JPEG);
		HeadObjectResponse head = client.headObject((request) -> request.bucket("shop-images").key(first.key()));
		S3Publisher.Stored again = publisher.publish("acme", jpeg, ImageFormat.JPEG);
		HeadObjectResponse after = client.headObject((request) -> request.bucket("shop-images").key(first.key()));

		assertThat(first.key()).isEqualTo("catalog/v1/acme/" + sha.substring(0, 2) + "/" + sha + ".jpg");
		assertThat(first.created()).isTrue();
		assertThat(head.contentType()).isEqualTo("image/jpeg");
		assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
		assertThat(head.contentLength()).isEqualTo(jpeg.length);
		assertThat(again.key()).isEqualTo(first.key());
		assertThat(again.created()).as("the conditional write found it there").isFalse();
		assertThat(after.lastModified()).as("not written again").isEqualTo(head.lastModified());
	}

	@Test
	void shouldGiveAPresignedLinkThatDownloadsTheImage() throws Exception {
		S3Publisher publisher = publisher("", null);
		byte[] png = "png bytes for a presigned link".getBytes(StandardCharsets.UTF_8);
		String key = publisher.publish("acme", png, ImageFormat.PNG).key();

		URI link = publisher.link(key);
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(link.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=3600");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(png);
		HttpResponse<String> unsigned = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/shop-images/" + key)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(unsigned.statusCode()).as("the bucket is not public").isEqualTo(403);
	}

	@Test
	void shouldLinkUnderThePublicBaseUrlWhenTheTargetHasOne() {
		S3Publisher publisher = publisher("cdn-root", URI.create("https://images.example.com/"));
		byte[] webp = "webp".getBytes(StandardCharsets.UTF_8);
		String key = publisher.publish("acme", webp, ImageFormat.WEBP).key();

		assertThat(publisher.link(key).toString())
			.isEqualTo("https://images.example.com/" + key.substring("cdn-root/".length()))
			.endsWith(".webp");
	}

	@Test
	void shouldReplaceARunsManifestAndDeleteObjects() {
		S3Publisher publisher = publisher("p", null);
		publisher.publishManifest("acme", 7, "a\n".getBytes(StandardCharsets.UTF_8));
		S3Publisher.Stored manifest = publisher.publishManifest("acme", 7, "a,b\n".getBytes(StandardCharsets.UTF_8));

		assertThat(manifest.key()).isEqualTo("p/acme/runs/7/manifest.csv");
		assertThat(
				client.getObjectAsBytes((request) -> request.bucket("shop-images").key(manifest.key())).asUtf8String())
			.isEqualTo("a,b\n");
		publisher.delete(manifest.key());
		publisher.delete(manifest.key());
		assertThatExceptionOfType(NoSuchKeyException.class)
			.isThrownBy(() -> client.getObjectAsBytes((request) -> request.bucket("shop-images").key(manifest.key())));
	}

	@Test
	void shouldRefuseTargetsThatAreNoS3Locations() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S3Publisher.Target.parse("https://bucket/x", null, Duration.ofHours(1)))
			.withMessage("'https://bucket/x' is not an S3 location like s3://bucket/prefix");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S3Publisher.Target.parse("s3://Bad_Bucket/x", null, Duration.ofHours(1)))
			.withMessageStartingWith("'Bad_Bucket' is not an S3 bucket name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S3Publisher.Target.parse("s3://bucket/a/../b", null, Duration.ofHours(1)))
			.withMessageContaining("'..'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S3Publisher.Target.parse("s3://bucket", null, Duration.ofDays(8)))
			.withMessageContaining("at most 7 days");
		assertThat(S3Publisher.Target.parse("s3://bucket/a/b/", null, Duration.ofHours(1)).prefix()).isEqualTo("a/b");
	}

	private static S3Publisher publisher(String prefix, URI publicBase) {
		return new S3Publisher(client, s3.presigner(),
				new S3Publisher.Target("shop-images", prefix, publicBase, Duration.ofHours(1)));
	}

}
