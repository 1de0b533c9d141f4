package com.prompt2pixel.connectors.publish;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publish throughput to a real S3 API server on this machine (s3proxy, in memory): 1024²
 * images as the generator stores them (PNG), each encoded for the target (JPEG at 0.9, or
 * PNG) and written under its content-addressed key, one after another, as
 * {@code publishToTargetsStep} does. Not part of the test suite; run with
 * {@code ./mvnw -B -pl connectors -am test -Dgroups=benchmark -Dbenchmarks.excluded= -Dtest=PublishBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The result is printed and written to {@code connectors/target/benchmarks/publish.txt}.
 */
@Tag("benchmark")
class PublishBenchmark {

	private static final int IMAGES = Integer.getInteger("benchmark.images", 60);

	@Test
	void publishThroughput() throws IOException {
		List<byte[]> images = new ArrayList<>();
		Random random = new Random(7);
		for (int i = 0; i < IMAGES; i++) {
			images.add(scene(random));
		}
		StringBuilder report = new StringBuilder();
		try (S3Fake s3 = new S3Fake(); S3Client client = s3.client()) {
			s3.createBucket("bench");
			S3Publisher publisher = new S3Publisher(client, s3.presigner(),
					new S3Publisher.Target("bench", "p", null, Duration.ofHours(1)));
			// warm-up: JIT, codecs, connections
			for (int i = 0; i < 5; i++) {
				publisher.publish("warm", ImageEncoder.encode(images.get(i), ImageEncoder.Settings.png()),
						ImageFormat.PNG);
			}
			for (ImageFormat format : List.of(ImageFormat.JPEG, ImageFormat.PNG)) {
				ImageEncoder.Settings settings = new ImageEncoder.Settings(format, 0.9f, 0);
				long bytes = 0;
				long encodeNanos = 0;
				long start = System.nanoTime();
				for (byte[] image : images) {
					long before = System.nanoTime();
					byte[] encoded = ImageEncoder.encode(image, settings);
					encodeNanos += System.nanoTime() - before;
					bytes += encoded.length;
					assertThat(publisher.publish(format.name().toLowerCase(), encoded, format).created()).isTrue();
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				report.append(String.format(
						"%s: %d images of 1024x1024 in %.2f s = %.1f images/s "
								+ "(encoding %.0f%% of the time; %.0f KB an image)%n",
						format, IMAGES, seconds, IMAGES / seconds, 100.0 * encodeNanos / 1e9 / seconds,
						bytes / 1024.0 / IMAGES));
			}
		}
		System.out.print(report);
		Path out = Path.of("target", "benchmarks", "publish.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	/** A product-shot-like image: a gradient scene, a shape and grain, as PNG. */
	private static byte[] scene(Random random) throws IOException {
		BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), 1024, 1024,
				new Color(random.nextInt(0xFFFFFF))));
		graphics.fillRect(0, 0, 1024, 1024);
		graphics.setColor(new Color(random.nextInt(0xFFFFFF)));
		graphics.fillOval(300, 250, 420, 520);
		graphics.dispose();
		for (int y = 0; y < 1024; y++) {
			for (int x = 0; x < 1024; x++) {
				int grain = random.nextInt(9) - 4;
				int rgb = image.getRGB(x, y);
				int r = Math.max(0, Math.min(255, ((rgb >> 16) & 0xFF) + grain));
				int g = Math.max(0, Math.min(255, ((rgb >> 8) & 0xFF) + grain));
				int b = Math.max(0, Math.min(255, (rgb & 0xFF) + grain));
				image.setRGB(x, y, (r << 16) | (g << 8) | b);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
