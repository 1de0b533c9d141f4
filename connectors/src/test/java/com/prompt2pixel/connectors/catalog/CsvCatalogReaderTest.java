package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvCatalogReaderTest {

	@TempDir
	Path folder;

	@Test
	void shouldReadRowsMatchingHeadersCaseInsensitivelyByTheirSynonyms() throws IOException {
		Path file = write("\uFEFFSKU,Product Name,Body (HTML),Image URL,Category,Type,Tags,Brand\n"
				+ "MUG-1,Stoneware Mug,\"<p>Holds 350&nbsp;ml,<br>dishwasher safe</p>\",photos/mug.png,"
				+ "Home > Kitchen,Mug,\"gift, ceramic,gift\",Acme\n" + "\n"
				+ "VASE-2,\"Vase, tall\",\"Two\nlines\",https://cdn.example/vase.png,,,,\n");

		List<CatalogRow> rows = readAll(file);

		assertThat(rows).containsExactly(
				new CatalogRow(2, "MUG-1", "Stoneware Mug", "Holds 350 ml, dishwasher safe", "Home > Kitchen", "Mug",
						List.of("gift", "ceramic"), "Acme", "photos/mug.png"),
				new CatalogRow(4, "VASE-2", "Vase, tall", "Two lines", "", "", List.of(), "",
						"https://cdn.example/vase.png"));
	}

	@Test
	void shouldNameEveryMissingRequiredColumnAndTheHeaderFound() throws IOException {
		Path file = write("sku,price\nA,1\n");

		assertThatThrownBy(() -> CsvCatalogReader.open(file)).isInstanceOf(CatalogFormatException.class)
			.hasMessageContaining("lacks required column(s): title (one of: title, name")
			.hasMessageContaining("description (one of:")
			.hasMessageContaining("image (one of:")
			.hasMessageEndingWith("its header is: sku, price")
			.hasMessageNotContaining("\n");
	}

	@Test
	void shouldRefuseAMissingFile() {
		Path missing = this.folder.resolve("nope.csv");

		assertThatThrownBy(() -> CsvCatalogReader.check(missing)).isInstanceOf(CatalogFormatException.class)
			.hasMessage("catalog file not found: " + missing);
	}

	@Test
	void shouldRefuseAnEmptyFile() throws IOException {
		Path file = write("");

		assertThatThrownBy(() -> CsvCatalogReader.check(file)).isInstanceOf(CatalogFormatException.class)
			.hasMessage("catalog " + file + " is empty");
	}

	@Test
	void shouldRefuseAHeaderWithoutRows() throws IOException {
		Path file = write("sku,title,description,image\n\n");

		assertThatThrownBy(() -> CsvCatalogReader.check(file)).isInstanceOf(CatalogFormatException.class)
			.hasMessage("catalog " + file + " has a header but no product rows");
	}

	@Test
	void shouldRefuseBinaryDataThatIsNotUtf8() throws IOException {
		Path file = this.folder.resolve("photo.csv");
		Files.write(file, new byte[] { (byte) 0x89, 'P', 'N', 'G', (byte) 0xFF, (byte) 0xFE, 0, 1, 2 });

		assertThatThrownBy(() -> CsvCatalogReader.check(file)).isInstanceOf(CatalogFormatException.class)
			.hasMessage("catalog " + file + " is not UTF-8 text");
	}

	@Test
	void shouldReportABadRowAndGoOnWithTheNextOne() throws IOException {
		Path file = write("sku,title,description,image\nA,,d,a.png\nB,Bowl,d,b.png\nB,Bowl again,d,b.png\n");

		try (CsvCatalogReader reader = CsvCatalogReader.open(file)) {
			assertThatThrownBy(reader::next).isInstanceOf(InvalidCatalogRowException.class)
				.hasMessage("line 2, column 'title': is empty");
			assertThat(reader.next().sourceKey()).isEqualTo("B");
			assertThatThrownBy(reader::next).isInstanceOf(InvalidCatalogRowException.class)
				.hasMessage("line 4, column 'sku': duplicate key 'B', first used on line 3");
			assertThat(reader.hasNext()).isFalse();
		}
	}

	private Path write(String content) throws IOException {
		Path file = this.folder.resolve("catalog.csv");
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	private static List<CatalogRow> readAll(Path file) {
		List<CatalogRow> rows = new ArrayList<>();
		try (CsvCatalogReader reader = CsvCatalogReader.open(file)) {
			while (reader.hasNext()) {
				rows.add(reader.next());
			}
		}
		return rows;
	}

}
