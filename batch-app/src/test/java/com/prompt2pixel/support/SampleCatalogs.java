package com.prompt2pixel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Catalog files for tests, made from the committed sample catalog and its photos.
 */
public final class SampleCatalogs {

	/** The repository's samples folder, seen from the batch-app module. */
	public static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

	private SampleCatalogs() {
	}

	/**
	 * A catalog in {@code folder} with the first {@code count} sample products, their
	 * photos copied beside it.
	 */
	public static Path firstProducts(Path folder, int count) {
		try {
			List<String> lines = Files.readAllLines(SAMPLES.resolve("catalog.csv"));
			copyPhotos(folder);
			return write(folder, lines.get(0), lines.subList(1, 1 + count));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A catalog in {@code folder} with the given header and rows; sample photos beside
	 * it.
	 */
	public static Path write(Path folder, String header, List<String> rows) {
		try {
			copyPhotos(folder);
			Path file = folder.resolve("catalog.csv");
			Files.writeString(file, header + "\n" + rows.stream().collect(Collectors.joining("\n")) + "\n");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void copyPhotos(Path folder) throws IOException {
		Path photos = folder.resolve("photos");
		if (Files.isDirectory(photos)) {
			return;
		}
		Files.createDirectories(photos);
		try (var files = Files.list(SAMPLES.resolve("photos"))) {
			for (Path photo : files.toList()) {
				Files.copy(photo, photos.resolve(photo.getFileName()));
			}
		}
	}

}
