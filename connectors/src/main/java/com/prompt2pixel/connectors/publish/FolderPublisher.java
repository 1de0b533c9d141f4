package com.prompt2pixel.connectors.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import com.prompt2pixel.connectors.io.AtomicFiles;
import com.prompt2pixel.connectors.io.SpreadsheetSafe;
import de.siegmar.fastcsv.writer.CsvWriter;

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
		String relative = folderName(productKey) + "/" + folderName(templateId) + "-" + variant + ".png";
		AtomicFiles.write(this.folder.resolve(relative), png);
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
	static String folderName(String key) {
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
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
		}
	}

	/**
	 * Writes {@code manifest.csv} row by row into a temporary file that replaces the
	 * manifest on {@link #commit()}; closing without committing discards it.
	 */
	public static final class ManifestWriter implements AutoCloseable {

		private final Path target;

		private final Path temporary;

		private final CsvWriter csv;

		private boolean committed;

		ManifestWriter(Path target) {
			this.target = target;
			try {
				Files.createDirectories(target.getParent());
				this.temporary = Files.createTempFile(target.getParent(), ".manifest-", ".tmp");
				Writer writer = Files.newBufferedWriter(this.temporary, StandardCharsets.UTF_8);
				this.csv = CsvWriter.builder().build(writer);
				this.csv.writeRecord("product_key", "template", "variant", "seed", "backend", "prompt", "file",
						"sha256");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot start manifest " + target, ex);
			}
		}

		public void add(ManifestRow row) {
			this.csv.writeRecord(SpreadsheetSafe.cell(row.productKey()), SpreadsheetSafe.cell(row.template()),
					Integer.toString(row.variant()), Long.toString(row.seed()), SpreadsheetSafe.cell(row.backend()),
					SpreadsheetSafe.cell(row.prompt()), SpreadsheetSafe.cell(row.file()), row.sha256());
		}

		public void commit() {
			try {
				this.csv.close();
				Files.move(this.temporary, this.target, StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
				this.committed = true;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot write manifest " + this.target, ex);
			}
		}

		@Override
		public void close() {
			if (this.committed) {
				return;
			}
			try {
				this.csv.close();
				Files.deleteIfExists(this.temporary);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot discard unfinished manifest " + this.temporary, ex);
			}
		}

	}

}
