package com.prompt2pixel.admin;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.function.Supplier;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.task.TaskImage;

import org.springframework.stereotype.Component;

/**
 * Thumbnails of generated images, made once per image and kept on disk by the image's
 * checksum (an image never changes, so neither does its thumbnail): a JPEG whose longer
 * side is {@link #SIZE} pixels. ImageIO and Java2D are enough here: one progressive
 * halving pass then a bilinear one, as the JDK documents for downscaling without
 * aliasing.
 */
@Component
class Thumbnails {

	/** The longer side of a thumbnail, in pixels: two per CSS pixel of a 160 px tile. */
	static final int SIZE = 320;

	private static final float QUALITY = 0.85f;

	private final ImageStore store;

	private final Path folder;

	Thumbnails(ImageStore store, AdminProperties properties) {
		this.store = store;
		this.folder = properties.thumbnailsDir();
	}

	/** The image's thumbnail, made now if it was not made before. */
	byte[] of(TaskImage image) {
		return of(image.sha256(), () -> this.store.get(image.imageKey()));
	}

	/**
	 * The thumbnail of the picture whose bytes have that hash (a generated image, a
	 * product photo), made from {@code original} only the first time.
	 */
	byte[] of(String sha256, Supplier<byte[]> original) {
		Path file = this.folder.resolve(sha256 + "-" + SIZE + ".jpg");
		try {
			if (Files.isRegularFile(file)) {
				return Files.readAllBytes(file);
			}
			byte[] thumbnail = make(original.get());
			Files.createDirectories(this.folder);
			// written beside and moved into place: a reader never sees half a file
			Path partial = Files.createTempFile(this.folder, sha256, ".part");
			Files.write(partial, thumbnail);
			try {
				Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
			}
			return thumbnail;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not make the thumbnail of " + sha256, ex);
		}
	}

	static byte[] make(byte[] png) throws IOException {
		BufferedImage source = ImageIO.read(new ByteArrayInputStream(png));
		if (source == null) {
			throw new IOException("the stored image is no image ImageIO can read");
		}
		double scale = Math.min(1.0, (double) SIZE / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		BufferedImage current = source;
		while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
			current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
		}
		BufferedImage thumbnail = scaled(current, width, height);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
		ImageWriter writer = writers.next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(QUALITY);
			writer.write(null, new IIOImage(thumbnail, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/** Drawn on white: a JPEG has no alpha, and a cut-out shows on white as in a shop. */
	private static BufferedImage scaled(BufferedImage source, int width, int height) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.setColor(java.awt.Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

}
