package com.prompt2pixel.connectors.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import com.prompt2pixel.connectors.io.AtomicFiles;
import com.prompt2pixel.connectors.io.TableFile;
import com.prompt2pixel.templates.Sha256;

/**
 * Publishes images into a folder as {@code <product>/<template>-<variant>.png} and lists
 * them in {@code manifest.csv}. Every file is written atomically, so publishing the same
 * image twice leaves one complete copy.
 */
public final class FolderPublisher {

	public static final String MANIFEST = "manifest.csv";

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private final Path folder;

	public FolderPublisher(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
	}

	public Path folder() {
		return this.folder;
	}

	/**
	 * Writes one image.
	 * @return its path relative to the folder, with {@code /} separators
	 */
	public String publish(String productKey, String templateId, int variant, byte[] png) {
		return publish(productKey, templateId, variant, png, "png");
	}

	/**
	 * Writes one image encoded as {@code extension} says.
	 * @return its path relative to the folder, with {@code /} separators
	 */
	public String publish(String productKey, String templateId, int variant, byte[] image, String extension) {
		String relative = folderName(productKey) + "/" + folderName(templateId) + "-" + variant + "." + extension;
		AtomicFiles.write(this.folder.resolve(relative), image);
		return relative;
	}

	/** Starts a new manifest; it replaces the old one only when committed. */
	public ManifestWriter manifest() {
		return new ManifestWriter(this.folder.resolve(MANIFEST));
	}

	/**
	 * A file-system-safe folder name for a key. Keys that are safe already are kept as
	 * they are; others are cleaned and get a short hash of the original, so "a/b" and
	 * "a_b" cannot collide.
	 */
	public static String folderName(String key) {
		if (SAFE_NAME.matcher(key).matches() && key.length() <= 100) {
			return key;
		}
		String cleaned = key.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._-]+", "");
		if (cleaned.length() > 80) {
			cleaned = cleaned.substring(0, 80);
		}
		return (cleaned.isEmpty() ? "product" : cleaned) + "-" + shortHash(key);
	}

	private static String shortHash(String key) {
		return HexFormat.of().formatHex(Sha256.of(key.getBytes(StandardCharsets.UTF_8)), 0, 4);
	}

	/**
	 * Writes {@code manifest.csv} row by row into a temporary file that replaces the
	 * manifest on {@link #commit()}; closing without committing discards it.
	 */
	public static final class ManifestWriter implements AutoCloseable {

		private final TableFile table;

		ManifestWriter(Path target) {
			this.table = TableFile.create(target,
					List.of("product_key", "template", "variant", "seed", "backend", "prompt", "file", "sha256"));
		}

		public void add(ManifestRow row) {
			this.table.add(List.of(row.productKey(), row.template(), row.variant(), row.seed(), row.backend(),
					row.prompt(), row.file(), row.sha256()));
		}

		public void commit() {
			this.table.commit();
		}

		@Override
		public void close() {
			this.table.close();
		}

	}

}
