package com.prompt2pixel.connectors.publish;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FolderPublisherTest {

	@TempDir
	Path folder;

	@Test
	void shouldWriteTheImageUnderProductAndTemplate() throws Exception {
		FolderPublisher publisher = new FolderPublisher(this.folder);

		String file = publisher.publish("MUG-01", "studio-packshot", 2, new byte[] { 7 });

		assertThat(file).isEqualTo("MUG-01/studio-packshot-2.png");
		assertThat(Files.readAllBytes(this.folder.resolve(file))).containsExactly(7);
	}

	@Test
	void shouldGiveUnsafeKeysDistinctSafeFolderNames() {
		assertThat(FolderPublisher.folderName("a/b")).startsWith("a_b-")
			.isNotEqualTo(FolderPublisher.folderName("a_b"));
		assertThat(FolderPublisher.folderName("..")).matches("product-[0-9a-f]{8}");
		assertThat(FolderPublisher.folderName("a_b")).isEqualTo("a_b");
	}

	@Test
	void shouldWriteAManifestWithFormulaCellsNeutralised() throws Exception {
		FolderPublisher publisher = new FolderPublisher(this.folder);

		try (FolderPublisher.ManifestWriter manifest = publisher.manifest()) {
			manifest.add(new ManifestRow("=HYPERLINK(\"x\")", "studio", 1, 42, "compositor", "a mug, on oak",
					"x/studio-1.png", "ab12"));
			manifest.commit();
		}

		assertThat(Files.readAllLines(this.folder.resolve("manifest.csv"))).containsExactly(
				"product_key,template,variant,seed,backend,prompt,file,sha256",
				"\"'=HYPERLINK(\"\"x\"\")\",studio,1,42,compositor,\"a mug, on oak\",x/studio-1.png,ab12");
	}

	@Test
	void shouldLeaveTheOldManifestWhenANewOneIsNotCommitted() throws Exception {
		FolderPublisher publisher = new FolderPublisher(this.folder);
		Files.writeString(this.folder.resolve("manifest.csv"), "old");

		try (FolderPublisher.ManifestWriter manifest = publisher.manifest()) {
			manifest.add(new ManifestRow("A", "t", 1, 1, "b", "p", "f", "s"));
		}

		assertThat(Files.readString(this.folder.resolve("manifest.csv"))).isEqualTo("old");
		try (var files = Files.list(this.folder)) {
			assertThat(files).hasSize(1);
		}
	}

}
