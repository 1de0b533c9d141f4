package com.prompt2pixel.connectors.store;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFolderImageStoreTest {

	@TempDir
	Path folder;

	@Test
	void shouldKeepBytesUnderTheirKeyAndReplaceThemWhole() throws Exception {
		LocalFolderImageStore store = new LocalFolderImageStore(this.folder);

		store.put("merchant/demo/tasks/1.png", new byte[] { 1, 2 });
		store.put("merchant/demo/tasks/1.png", new byte[] { 3 });

		assertThat(store.get("merchant/demo/tasks/1.png")).containsExactly(3);
		try (var files = Files.list(this.folder.resolve("merchant/demo/tasks"))) {
			assertThat(files).as("no temporary files left behind").hasSize(1);
		}
	}

	@Test
	void shouldSayWhenAKeyHoldsNothing() {
		assertThatThrownBy(() -> new LocalFolderImageStore(this.folder).get("missing.png"))
			.isInstanceOf(ImageNotFoundException.class)
			.hasMessage("no image stored under key 'missing.png'");
	}

	@Test
	void shouldRefuseKeysThatEscapeTheFolder() {
		LocalFolderImageStore store = new LocalFolderImageStore(this.folder);

		assertThatThrownBy(() -> store.put("../outside.png", new byte[0])).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store.put("/etc/passwd", new byte[0])).isInstanceOf(IllegalArgumentException.class);
	}

}
