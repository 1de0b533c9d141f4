package com.prompt2pixel.connectors.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Whole-file writes that a crash cannot leave half done: the bytes go to a temporary file
 * in the same folder, which then replaces the target in one rename.
 */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	/** Writes a file's content. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	public static void write(Path target, byte[] bytes) {
		write(target, (out) -> out.write(bytes));
	}

	/**
	 * Streams the file's content through {@code content}; the target appears only when it
	 * returned normally.
	 */
	public static void write(Path target, Content content) {
		try {
			Path folder = target.toAbsolutePath().getParent();
			Files.createDirectories(folder);
			Path temporary = Files.createTempFile(folder, ".partial-", ".tmp");
			try {
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
					content.writeTo(out);
				}
				move(temporary, target);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target, ex);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
