package com.prompt2pixel.connectors.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.prompt2pixel.connectors.io.AtomicFiles;

/**
 * An {@link ImageStore} in a local folder: one file per key.
 */
public final class LocalFolderImageStore implements ImageStore {

	private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

	private final Path root;

	public LocalFolderImageStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, byte[] bytes) {
		AtomicFiles.write(pathOf(key), bytes);
	}

	@Override
	public byte[] get(String key) {
		try {
			return Files.readAllBytes(pathOf(key));
		}
		catch (NoSuchFileException ex) {
			throw new ImageNotFoundException(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read image '" + key + "' from " + this.root, ex);
		}
	}

	private Path pathOf(String key) {
		if (!SAFE_KEY.matcher(key).matches() || key.contains("..")) {
			throw new IllegalArgumentException("not a valid image key: '" + key + "'");
		}
		return this.root.resolve(key);
	}

}
