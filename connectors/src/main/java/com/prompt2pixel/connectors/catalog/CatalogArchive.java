package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A ZIP upload holding a catalog and its photos: unpacked into a folder of its own,
 * within limits that an archive built to harm cannot pass. An entry whose name would
 * leave the folder (absolute, {@code ..}, a drive letter or a backslash: zip-slip)
 * refuses the whole archive; so do more entries, more unpacked bytes or a higher
 * compression ratio than the limits allow (a zip bomb), counted on the bytes actually
 * inflated rather than the sizes the archive declares. The archive must hold exactly one
 * catalog ({@code .csv} or {@code .xlsx}); the photos its rows name by relative path are
 * found beside it. macOS's {@code __MACOSX/} and {@code ._} resource entries are skipped.
 */
public final class CatalogArchive {

	/**
	 * @param maxEntries the most entries (files and folders)
	 * @param maxUnpackedBytes the most bytes all entries may inflate to
	 * @param maxRatio the most an entry of over a megabyte may inflate per compressed
	 * byte
	 */
	public record Limits(int maxEntries, long maxUnpackedBytes, int maxRatio) {
	}

	/** Entries smaller than this are not held to the ratio: tiny files compress oddly. */
	private static final long RATIO_FLOOR = 1024 * 1024;

	private CatalogArchive() {
	}

	/** Whether the file is a ZIP archive, by its first bytes. */
	public static boolean isArchive(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(4);
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
	}

	/**
	 * Unpacks the archive into {@code folder} (which must be empty or new).
	 * @param name the archive's name as the merchant knows it, for messages
	 * @return the catalog inside
	 * @throws CatalogFormatException naming what is wrong with the archive; whatever was
	 * unpacked is then deleted
	 */
	public static Path unpack(Path archive, String name, Path folder, Limits limits) throws IOException {
		Path root = Files.createDirectories(folder).toRealPath();
		try {
			return unpackInto(archive, name, root, limits);
		}
		catch (CatalogFormatException | IOException ex) {
			deleteTree(root);
			throw ex;
		}
	}

	private static Path unpackInto(Path archive, String name, Path root, Limits limits) throws IOException {
		List<Path> catalogs = new ArrayList<>();
		long unpacked = 0;
		int entries = 0;
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			Enumeration<? extends ZipEntry> all = zip.entries();
			while (all.hasMoreElements()) {
				ZipEntry entry = all.nextElement();
				if (++entries > limits.maxEntries()) {
					throw new CatalogFormatException(name + " holds more than " + limits.maxEntries()
							+ " entries; split it into several uploads");
				}
				String entryName = entry.getName();
				if (skipped(entryName)) {
					continue;
				}
				Path target = target(root, entryName, name);
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				unpacked += copy(zip, entry, target, name, limits, limits.maxUnpackedBytes() - unpacked);
				String lower = entryName.toLowerCase(Locale.ROOT);
				if (lower.endsWith(".csv") || lower.endsWith(".xlsx")) {
					catalogs.add(target);
				}
			}
		}
		catch (ZipException ex) {
			throw new CatalogFormatException(name + " is not a readable ZIP archive (" + ex.getMessage() + ")", ex);
		}
		if (catalogs.isEmpty()) {
			throw new CatalogFormatException(name + " holds no catalog: put one .csv or .xlsx file in it");
		}
		if (catalogs.size() > 1) {
			throw new CatalogFormatException(name + " holds " + catalogs.size() + " catalogs ("
					+ String.join(", ", catalogs.stream().map((path) -> root.relativize(path).toString()).toList())
					+ "); upload one catalog per ZIP");
		}
		return catalogs.get(0);
	}

	private static boolean skipped(String entryName) {
		String file = entryName.substring(entryName.lastIndexOf('/') + 1);
		return entryName.startsWith("__MACOSX/") || file.startsWith("._");
	}

	/** Where the entry goes: inside the folder, or the archive is refused. */
	private static Path target(Path root, String entryName, String name) {
		boolean escapes = entryName.isEmpty() || entryName.startsWith("/") || entryName.contains("\\")
				|| entryName.matches("^[A-Za-z]:.*") || entryName.contains("\0");
		for (String part : entryName.split("/")) {
			escapes |= part.equals("..");
		}
		Path target = root.resolve(entryName).normalize();
		if (escapes || !target.startsWith(root) || target.equals(root)) {
			throw new CatalogFormatException(
					name + " has an entry whose name leaves the archive's folder ('" + entryName + "'); it is refused");
		}
		return target;
	}

	/** Inflates one entry, counting what really comes out; the bytes written. */
	private static long copy(ZipFile zip, ZipEntry entry, Path target, String name, Limits limits, long budget)
			throws IOException {
		long compressed = Math.max(1, entry.getCompressedSize());
		long written = 0;
		byte[] buffer = new byte[64 * 1024];
		if (Files.exists(target)) {
			throw new CatalogFormatException(name + " holds '" + entry.getName() + "' twice");
		}
		try (InputStream in = zip.getInputStream(entry);
				OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				written += read;
				if (written > budget) {
					throw new CatalogFormatException(name + " unpacks to more than "
							+ limits.maxUnpackedBytes() / (1024 * 1024) + " MB; split it into several uploads");
				}
				if (written > RATIO_FLOOR && written / compressed > limits.maxRatio()) {
					throw new CatalogFormatException(
							name + " has an entry ('" + entry.getName() + "') that inflates more than "
									+ limits.maxRatio() + " times: no catalog or photo compresses like that");
				}
				out.write(buffer, 0, read);
			}
		}
		return written;
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
