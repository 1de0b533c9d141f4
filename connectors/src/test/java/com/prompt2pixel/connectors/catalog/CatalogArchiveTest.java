package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogArchiveTest {

	private static final CatalogArchive.Limits LIMITS = new CatalogArchive.Limits(100, 20L * 1024 * 1024, 100);

	@TempDir
	Path folder;

	@Test
	void shouldUnpackTheCatalogWithItsPhotosBesideIt() throws IOException {
		Path zip = zip(Map.of("shop/catalog.csv", "sku,title,image\nA,Vase,photos/a.png\n", "shop/photos/a.png", "png",
				"__MACOSX/shop/._catalog.csv", "resource fork", "shop/._catalog.csv", "resource fork"));

		Path catalog = CatalogArchive.unpack(zip, "upload.zip", this.folder.resolve("out"), LIMITS);

		assertThat(catalog).hasFileName("catalog.csv");
		assertThat(catalog.resolveSibling("photos/a.png")).hasContent("png");
		assertThat(this.folder.resolve("out/__MACOSX")).doesNotExist();
		assertThat(CatalogArchive.isArchive(zip)).isTrue();
		assertThat(CatalogArchive.isArchive(catalog)).isFalse();
	}

	@Test
	void shouldRefuseEntriesThatLeaveTheFolderAndKeepNothing() throws IOException {
		for (String evil : new String[] { "../evil.csv", "a/../../evil.csv", "/etc/cron.d/evil", "C:/evil.csv",
				"a\\..\\..\\evil.csv" }) {
			Path zip = zip(Map.of("catalog.csv", "sku,title,image\n", evil, "x"));
			Path out = this.folder.resolve("out-" + Math.abs(evil.hashCode()));

			assertThatThrownBy(() -> CatalogArchive.unpack(zip, "upload.zip", out, LIMITS)).as(evil)
				.isInstanceOf(CatalogFormatException.class)
				.hasMessage("upload.zip has an entry whose name leaves the archive's folder ('" + evil
						+ "'); it is refused");
			assertThat(out).doesNotExist();
			assertThat(this.folder.resolve("evil.csv")).doesNotExist();
		}
	}

	@Test
	void shouldRefuseAZipBombByWhatItReallyInflatesTo() throws IOException {
		byte[] zeros = new byte[8 * 1024 * 1024];
		Path bomb = zip(Map.of("catalog.csv", new String(zeros, StandardCharsets.ISO_8859_1)));
		Path large = zip(Map.of("catalog.csv", "x", "a.bin", random(12), "b.bin", random(12)));

		assertThatThrownBy(() -> CatalogArchive.unpack(bomb, "bomb.zip", this.folder.resolve("bomb"), LIMITS))
			.hasMessageContaining("inflates more than 100 times");
		assertThatThrownBy(() -> CatalogArchive.unpack(large, "large.zip", this.folder.resolve("large"), LIMITS))
			.hasMessage("large.zip unpacks to more than 20 MB; split it into several uploads");
		assertThat(this.folder.resolve("bomb")).doesNotExist();
	}

	@Test
	void shouldRefuseTooManyEntriesNoCatalogOrSeveral() throws IOException {
		Map<String, String> many = new LinkedHashMap<>();
		for (int i = 0; i < 101; i++) {
			many.put("p" + i + ".png", "x");
		}

		assertThatThrownBy(() -> CatalogArchive.unpack(zip(many), "many.zip", this.folder.resolve("many"), LIMITS))
			.hasMessage("many.zip holds more than 100 entries; split it into several uploads");
		assertThatThrownBy(
				() -> CatalogArchive.unpack(zip(Map.of("a.png", "x")), "none.zip", this.folder.resolve("none"), LIMITS))
			.hasMessage("none.zip holds no catalog: put one .csv or .xlsx file in it");
		assertThatThrownBy(() -> CatalogArchive.unpack(zip(new LinkedHashMap<>(Map.of("a.csv", "x", "b/c.xlsx", "y"))),
				"two.zip", this.folder.resolve("two"), LIMITS))
			.hasMessageStartingWith("two.zip holds 2 catalogs (")
			.hasMessageEndingWith("); upload one catalog per ZIP");
		Path broken = Files.write(this.folder.resolve("broken.zip"), new byte[] { 'P', 'K', 3, 4, 1, 2, 3 });
		assertThatThrownBy(() -> CatalogArchive.unpack(broken, "broken.zip", this.folder.resolve("broken"), LIMITS))
			.hasMessageStartingWith("broken.zip is not a readable ZIP archive");
	}

	private static String random(int megabytes) {
		byte[] bytes = new byte[megabytes * 1024 * 1024];
		new java.util.Random(1).nextBytes(bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private Path zip(Map<String, String> entries) throws IOException {
		Path zip = Files.createTempFile(this.folder, "upload", ".zip");
		try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(StandardCharsets.ISO_8859_1));
				out.closeEntry();
			}
		}
		return zip;
	}

}
