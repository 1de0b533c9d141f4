package com.prompt2pixel.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code cutout} as a merchant runs it on a photo: the mask at the photo's size, the
 * preview, the JSON line; and a one-line error for what it cannot cut.
 */
class CutoutCommandTest {

	@TempDir
	Path folder;

	@Test
	void shouldWriteTheMaskAtThePhotosSizeAPreviewAndOneJsonLine() throws Exception {
		BufferedImage photo = new BufferedImage(200, 160, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = photo.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 200, 160);
		g.setColor(new Color(0xC0392B));
		g.fillOval(50, 30, 100, 100);
		g.dispose();
		Path file = this.folder.resolve("mug.png");
		ImageIO.write(photo, "png", file.toFile());

		Result result = cutout("--photo", file.toString(), "--out", this.folder.resolve("mask.png").toString(),
				"--preview", this.folder.resolve("preview.png").toString());

		assertThat(result.exitCode()).as(result.stderr()).isZero();
		JsonNode line = JsonMapper.builder().build().readTree(result.stdout());
		assertThat(line.get("method").asString()).isEqualTo("keyer");
		assertThat(line.get("foreground_share").asDouble()).isCloseTo(Math.PI * 50 * 50 / (200 * 160), within(0.01));
		assertThat(line.get("confidence").asDouble()).isGreaterThan(0.7);
		assertThat(line.get("elapsed_ms").asLong()).isNotNegative();
		BufferedImage mask = ImageIO.read(this.folder.resolve("mask.png").toFile());
		assertThat(mask.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
		assertThat(mask.getWidth()).isEqualTo(200);
		assertThat(mask.getHeight()).isEqualTo(160);
		assertThat(mask.getRaster().getSample(100, 80, 0)).isEqualTo(255);
		assertThat(mask.getRaster().getSample(5, 5, 0)).isZero();
		assertThat(ImageIO.read(this.folder.resolve("preview.png").toFile()).getWidth()).isEqualTo(200);
	}

	@Test
	void shouldCutWithTheSegmentationModel() throws Exception {
		Path tiny = Path.of("..", "models", "src", "test", "resources", "tiny-matte").toAbsolutePath().normalize();
		BufferedImage photo = new BufferedImage(200, 160, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = photo.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 200, 160);
		g.setColor(new Color(0x2E5E9E));
		g.fillRect(60, 40, 80, 80);
		g.dispose();
		Path file = this.folder.resolve("box.png");
		ImageIO.write(photo, "png", file.toFile());

		Result result = cutout("--photo", file.toString(), "--out", this.folder.resolve("mask.png").toString(),
				"--matte", "model", "--model-dir", tiny.toString());

		assertThat(result.exitCode()).as(result.stderr()).isZero();
		JsonNode line = JsonMapper.builder().build().readTree(result.stdout());
		assertThat(line.get("method").asString()).isEqualTo("model");
		assertThat(line.get("foreground_share").asDouble()).isCloseTo(80.0 * 80 / (200 * 160), within(0.02));
		BufferedImage mask = ImageIO.read(this.folder.resolve("mask.png").toFile());
		assertThat(mask.getWidth()).isEqualTo(200);
		assertThat(mask.getRaster().getSample(100, 80, 0)).isGreaterThan(240);
		assertThat(mask.getRaster().getSample(10, 10, 0)).isLessThan(20);
	}

	@Test
	void shouldRefuseWithOneLineWhatItCannotCut() throws Exception {
		Path text = Files.writeString(this.folder.resolve("photo.png"), "not an image at all");
		Path huge = Files.write(this.folder.resolve("huge.png"), pngHeader(10_000, 10_000));
		String out = this.folder.resolve("mask.png").toString();

		Result notAnImage = cutout("--photo", text.toString(), "--out", out);
		Result tooLarge = cutout("--photo", huge.toString(), "--out", out);
		Result noModel = cutout("--photo", text.toString(), "--out", out, "--matte", "model", "--model-dir",
				this.folder.resolve("no-model").toString());
		Result missing = cutout("--photo", this.folder.resolve("none.png").toString(), "--out", out);
		Path notAModel = Files.createDirectories(this.folder.resolve("not-a-model"));
		Files.writeString(notAModel.resolve("matte.json"), "{\"format\": \"prompt2pixel-matte/1\", "
				+ "\"input_size\": 64, \"mean\": [0, 0, 0], \"std\": [1, 1, 1], \"model\": \"model.pt\"}");
		Files.writeString(notAModel.resolve("model.pt"), "not TorchScript");
		Result badModel = cutout("--photo", text.toString(), "--out", out, "--matte", "model", "--model-dir",
				notAModel.toString());

		assertThat(notAnImage.exitCode()).isEqualTo(2);
		assertThat(notAnImage.stderr().lines()).singleElement()
			.asString()
			.startsWith("error: photo " + text + ": not an image in a format we read");
		assertThat(tooLarge.exitCode()).isEqualTo(2);
		assertThat(tooLarge.stderr().lines()).singleElement()
			.asString()
			.contains("image of 10000 x 10000 pixels; at most 25 megapixels are read");
		assertThat(noModel.exitCode()).isEqualTo(2);
		assertThat(noModel.stderr().lines()).singleElement()
			.asString()
			.isEqualTo("error: model directory " + this.folder.resolve("no-model") + " does not exist");
		assertThat(badModel.exitCode()).isEqualTo(2);
		assertThat(badModel.stderr().lines()).singleElement()
			.asString()
			.startsWith("error: cannot load " + notAModel.resolve("model.pt") + " as TorchScript");
		assertThat(missing.stderr().strip()).isEqualTo("error: no photo at " + this.folder.resolve("none.png"));
		assertThat(this.folder.resolve("mask.png")).as("nothing written").doesNotExist();
	}

	/** A PNG's signature and header claiming the size, and no pixels. */
	private static byte[] pngHeader(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
		ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
		return png.array();
	}

	private static Result cutout(String... args) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
			String[] full = new String[args.length + 1];
			full[0] = "cutout";
			System.arraycopy(args, 0, full, 1, args.length);
			int exit = new CommandLine(new Cli()).execute(full);
			return new Result(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	private record Result(int exitCode, String stdout, String stderr) {
	}

}
