package com.prompt2pixel.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

import com.prompt2pixel.connectors.images.PhotoVerifier;
import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.models.Matte;
import com.prompt2pixel.models.ProductMatte;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cutout}: a product photo's matte, as a run would cut the product out, so that a
 * merchant can check their photos before a run. Needs no database: it starts in a moment.
 */
@Command(name = "cutout", mixinStandardHelpOptions = true,
		description = "Cuts the product out of a photo: writes its mask at the photo's size (an 8-bit grey PNG, "
				+ "255 = product) and prints one JSON line {\"method\", \"confidence\", \"foreground_share\", "
				+ "\"elapsed_ms\", …}. A low confidence means the product can barely be told from its background.")
class CutoutCommand implements Callable<Integer> {

	/** A photo file larger than this is not read: 25 megapixels compress to less. */
	static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--photo", required = true, paramLabel = "FILE", description = "the product photo")
	Path photo;

	@Option(names = "--out", required = true, paramLabel = "MASK.png", description = "where the mask is written")
	Path out;

	@Option(names = "--matte", defaultValue = "auto", paramLabel = "auto|alpha|keyer|model",
			description = "the photo's own alpha channel, the keyer, or a segmentation model on DJL; "
					+ "default: ${DEFAULT-VALUE}, the photo's alpha when it has a meaningful one, else the keyer")
	String matte;

	@Option(names = "--model-dir", paramLabel = "DIR",
			description = "the segmentation model (models/export/export_matte.py writes one), for --matte model")
	Path modelDir;

	@Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda|cuda:N",
			description = "where the segmentation model runs; default: ${DEFAULT-VALUE}")
	String device;

	@Option(names = "--preview", paramLabel = "FILE.png",
			description = "also the product over a checkerboard, to look at")
	Path preview;

	@Override
	public Integer call() {
		try (ProductMatte method = ProductMatte.named(this.matte, this.modelDir, this.device)) {
			BufferedImage image = read(this.photo);
			long start = System.nanoTime();
			Matte made = method.matte(image);
			long elapsed = (System.nanoTime() - start) / 1_000_000;
			write(made.mask(), this.out);
			if (this.preview != null) {
				write(made.preview(image), this.preview);
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("photo", this.photo.toString());
			json.put("mask", this.out.toString());
			json.put("method", made.method());
			json.put("confidence", Math.round(made.confidence() * 1000) / 1000.0);
			json.put("foreground_share", Math.round(made.foregroundShare() * 1000) / 1000.0);
			json.put("width", made.width());
			json.put("height", made.height());
			json.put("elapsed_ms", elapsed);
			System.out.println(JSON.writeValueAsString(json));
			return 0;
		}
		catch (IllegalArgumentException | ProductImageException ex) {
			// one line: a model's loading error can carry the engine's whole trace
			System.err.println("error: " + String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
			return Cli.BAD_INPUT;
		}
		catch (IOException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.FAILED;
		}
	}

	/**
	 * The photo, checked as an import checks one: an image of at most 25 megapixels that
	 * decodes to its end.
	 */
	private static BufferedImage read(Path photo) throws IOException {
		long size;
		try {
			size = Files.size(photo);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalArgumentException("no photo at " + photo);
		}
		if (size > MAX_FILE_BYTES) {
			throw new IllegalArgumentException(
					"photo " + photo + " is " + size / (1024 * 1024) + " MB; at most 64 MB is read");
		}
		try {
			return PhotoVerifier.decode(Files.readAllBytes(photo));
		}
		catch (ProductImageException ex) {
			throw new IllegalArgumentException("photo " + photo + ": " + ex.getMessage(), ex);
		}
	}

	private static void write(BufferedImage image, Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		if (!ImageIO.write(image, "png", file.toFile())) {
			throw new IOException("no PNG writer for " + file);
		}
	}

}
