package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvCatalogTest {

	@TempDir
	Path folder;

	@Test
	void shouldReadAGenericCatalogByItsHeaderSynonyms() throws IOException {
		Path file = write("SKU,Product Name,Body (HTML),Image URL,Category,Type,Tags,Brand,Price\n"
				+ "MUG-1,Stoneware Mug,\"<p>Holds 350&nbsp;ml,<br>it&rsquo;s dishwasher safe</p>\",photos/mug.png,"
				+ "Home > Kitchen,Mug,\"gift, ceramic,gift\",Acme,\"1,234.50\"\n" + "\n"
				+ "VASE-2,\"Vase, \"\"tall\"\"\",\"Two\nlines\",https://cdn.example/vase.png,,,,,\n");

		assertThat(Catalogs.products(file)).containsExactly(
				new CatalogProduct(2, "MUG-1", null, null, "Stoneware Mug", "Holds 350 ml, it’s dishwasher safe",
						"Acme", "Mug", "Home > Kitchen", List.of("gift", "ceramic"), "", 1, new BigDecimal("1234.50"),
						List.of("photos/mug.png"), null),
				new CatalogProduct(4, "VASE-2", null, null, "Vase, \"tall\"", "Two lines", "", "", "", List.of(), "", 1,
						null, List.of("https://cdn.example/vase.png"), null));
	}

	@Test
	void shouldReadAProductsSizeFromItsDimensionsColumnAndRefuseOneWithoutAUnit() throws IOException {
		Path file = write("sku,title,image,Dimensions\n" + "MUG-1,Mug,mug.png,\"9 x 12 cm\"\n"
				+ "LAMP-1,Floor lamp,lamp.png,H 1.6 m\n" + "FRAME-1,Frame,frame.png,\"16 x 20\"\"\"\n"
				+ "VASE-1,Vase,vase.png,\n" + "BOX-1,Box,box.png,30 x 20\n" + "TEE-1,Tee,tee.png,M\n");

		assertThat(Catalogs.products(file)).extracting(CatalogProduct::sourceKey, CatalogProduct::sizeCm)
			.containsExactly(tuple("MUG-1", 12.0), tuple("LAMP-1", 160.0), tuple("FRAME-1", 50.8),
					tuple("VASE-1", null));
		assertThat(Catalogs.problems(file)).extracting(RowProblem::message)
			.containsExactly(
					"row 6, column 'Dimensions': '30 x 20' is not a size (a number needs its unit): "
							+ "write it as 30 x 20 x 12 cm, H 25 cm, 350 mm or 12 in",
					"row 7, column 'Dimensions': 'M' is not a size: write it as 30 x 20 x 12 cm, H 25 cm, 350 mm or 12 in");
	}

	@Test
	void shouldReadTheSameProductInEveryEncodingItDetects() throws IOException {
		String text = "sku;Bezeichnung;Beschreibung;Bild;Preis\nTASSE-1;Tasse „Café“ – 250 ml;Für Crème brûlée;"
				+ "tasse.png;12,50\n";
		CatalogProduct expected = new CatalogProduct(2, "TASSE-1", null, null, "Tasse „Café“ – 250 ml",
				"Für Crème brûlée", "", "", "", List.of(), "", 1, new BigDecimal("12.50"), List.of("tasse.png"), null);

		assertThat(Catalogs.products(bytes("utf8.csv", text.getBytes(StandardCharsets.UTF_8))))
			.containsExactly(expected);
		assertThat(Catalogs.products(bytes("utf8-bom.csv",
				concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, text.getBytes(StandardCharsets.UTF_8)))))
			.containsExactly(expected);
		assertThat(Catalogs.products(bytes("utf16le.csv",
				concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, text.getBytes(StandardCharsets.UTF_16LE)))))
			.containsExactly(expected);
		assertThat(Catalogs.products(bytes("utf16be.csv",
				concat(new byte[] { (byte) 0xFE, (byte) 0xFF }, text.getBytes(StandardCharsets.UTF_16BE)))))
			.containsExactly(expected);
		assertThat(Catalogs.products(bytes("cp1252.csv", text.getBytes(Charset.forName("windows-1252")))))
			.containsExactly(expected);
	}

	@Test
	void shouldReadWindows1252WhoseFirstAccentComesLongAfterTheSample() throws IOException {
		String padding = "P,Plain ascii product,p.png\n".repeat(4000);
		byte[] text = ("sku,title,image\n" + padding + "C,Café crème,c.png\n")
			.getBytes(Charset.forName("windows-1252"));

		List<CatalogProduct> products = Catalogs.products(bytes("late-accent.csv", text));

		assertThat(products.get(products.size() - 1).title()).isEqualTo("Café crème");
	}

	@Test
	void shouldDetectTabsAndReportHowTheFileWasRead() throws IOException {
		Path file = write("sku\ttitle\timage\tprice\nA-1\tLamp, brass\ta.png\t1.5\nA-2\tLamp\ta.png\t1,5\n");

		try (CatalogReader reader = CatalogReader.open(file, CatalogOptions.DETECT)) {
			assertThat(reader.format()).isEqualTo("generic, CSV (UTF-8, 'tab')");
			CatalogProduct product = reader.next().product();
			assertThat(product.title()).isEqualTo("Lamp, brass");
			assertThat(product.price()).isEqualByComparingTo("1.5");
			assertThat(reader.rowsRead()).isEqualTo(1);
		}
		// a decimal comma is only read as one in files delimited by ';'
		assertThat(Catalogs.problems(file)).extracting(RowProblem::message)
			.containsExactly("row 3, column 'price': '1,5' is not a price");
	}

	@Test
	void shouldFindTheHeaderBelowTitleRows() throws IOException {
		Path file = write("Spring catalog 2026;;;\nExported by ERP;;;\n;;;\nArtikelnummer;Name;Bild;Preis\n"
				+ "A-1;Lamp;a.png;1.234,50\n");

		assertThat(Catalogs.products(file)).singleElement().satisfies((product) -> {
			assertThat(product.row()).isEqualTo(5);
			assertThat(product.price()).isEqualByComparingTo("1234.50");
		});
	}

	@Test
	void shouldReportBadRowsAndReadTheRest() throws IOException {
		Path file = write(
				"sku,title,image,price\n,No key,a.png,1\nB,,b.png,1\nC,Bad price,c.png,abc\nD,Good,d.png,2\n");

		assertThat(Catalogs.problems(file)).extracting(RowProblem::message)
			.containsExactly("row 2, column 'sku': is empty", "row 3, column 'title': is empty",
					"row 4, column 'price': 'abc' is not a price");
		assertThat(Catalogs.products(file)).extracting(CatalogProduct::sourceKey).containsExactly("D");
	}

	@Test
	void shouldUseAMappingFileForHeadersTheSynonymsMiss() throws IOException {
		Path file = write("Art.-Nr.,Bezeichnung lang,Bild 1,Warengruppe\nA-1,Lampe,a.png,Leuchten\n");
		Path mapping = this.folder.resolve("mapping.txt");
		Files.writeString(mapping, "# our ERP export\nkey = Art.-Nr.\ntitle = Bezeichnung lang\nimage=Bild 1\n"
				+ "category = Warengruppe\n");

		assertThat(Catalogs.products(file, new CatalogOptions(mapping, null))).singleElement().satisfies((product) -> {
			assertThat(product.sourceKey()).isEqualTo("A-1");
			assertThat(product.title()).isEqualTo("Lampe");
			assertThat(product.category()).isEqualTo("Leuchten");
			assertThat(product.imageUrls()).containsExactly("a.png");
		});
	}

	@Test
	void shouldRefuseAMappingThatNamesAnUnknownFieldOrAMissingColumn() throws IOException {
		Path file = write("Art.-Nr.,Name,Bild 1\nA-1,Lampe,a.png\n");
		Path unknownField = this.folder.resolve("unknown.txt");
		Files.writeString(unknownField, "key = Art.-Nr.\ncolour = Farbe\n");
		Path missingColumn = this.folder.resolve("missing.txt");
		Files.writeString(missingColumn, "key = Artikel\n");

		assertThatThrownBy(() -> CatalogReader.open(file, new CatalogOptions(unknownField, null)))
			.isInstanceOf(CatalogFormatException.class)
			.hasMessage("mapping " + unknownField + " line 2: unknown field 'colour'; the fields are: key, title, "
					+ "description, image, category, product_type, tags, vendor, price, dimensions");
		assertThatThrownBy(() -> CatalogReader.open(file, new CatalogOptions(missingColumn, null)))
			.isInstanceOf(CatalogFormatException.class)
			.hasMessage("mapping " + missingColumn + " names column 'Artikel' for key, but the catalog has no such "
					+ "column; its header is: Art.-Nr., Name, Bild 1");
	}

	@Test
	void shouldNameEveryMissingRequiredColumnAndTheHeaderFound() throws IOException {
		Path file = write("sku,price\nA,1\n");

		assertThatThrownBy(() -> CatalogReader.open(file, CatalogOptions.DETECT))
			.isInstanceOf(CatalogFormatException.class)
			.hasMessageContaining("lacks required column(s): title (one of: title, name")
			.hasMessageContaining("image (one of:")
			.hasMessageEndingWith("its header is: sku, price")
			.hasMessageNotContaining("\n");
	}

	@Test
	void shouldRefuseFilesThatAreNoCatalog() throws IOException {
		Path missing = this.folder.resolve("nope.csv");
		Path empty = write("");
		Path headerOnly = write("sku,title,image\n\n");

		assertThatThrownBy(() -> CatalogReader.check(missing, CatalogOptions.DETECT))
			.hasMessage("catalog file not found: " + missing);
		assertThatThrownBy(() -> CatalogReader.check(empty, CatalogOptions.DETECT))
			.hasMessage("catalog " + empty + " is empty");
		assertThatThrownBy(() -> CatalogReader.check(headerOnly, CatalogOptions.DETECT))
			.hasMessage("catalog " + headerOnly + " has a header but no product rows");
		assertThatThrownBy(() -> CatalogReader.check(this.folder, CatalogOptions.DETECT))
			.hasMessage("catalog " + this.folder + " is a directory, not a file");
	}

	@Test
	void shouldRefuseBinaryDataNamedCsv() throws IOException {
		Path file = bytes("photo.csv", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 });

		assertThatThrownBy(() -> CatalogReader.check(file, CatalogOptions.DETECT))
			.isInstanceOf(CatalogFormatException.class)
			.hasMessage("catalog " + file + " is not a text file (it contains binary data); a catalog must be CSV "
					+ "text or an .xlsx workbook");
	}

	@Test
	void shouldRefuseCsvNamedXlsxAndLegacyXls() throws IOException {
		Path renamed = bytes("catalog.xlsx", "sku,title,image\nA,B,c.png\n".getBytes(StandardCharsets.UTF_8));
		Path legacy = bytes("catalog.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 });

		assertThatThrownBy(() -> CatalogReader.check(renamed, CatalogOptions.DETECT))
			.hasMessage("catalog " + renamed + " is named like an Excel workbook but is not one (an .xlsx file is a "
					+ "zip archive); if it is CSV text, name it .csv");
		assertThatThrownBy(() -> CatalogReader.check(legacy, CatalogOptions.DETECT)).hasMessage("catalog " + legacy
				+ " is a legacy Excel .xls workbook; save it as .xlsx (Excel Workbook) " + "or as CSV and import that");
	}

	@Test
	void shouldSkipARowWithAHugeCellAndReadTheRest() throws IOException {
		String huge = "x".repeat(2 * 1024 * 1024);
		Path file = write("sku,title,description,image\nA,Lamp," + huge + ",a.png\nB,Vase,short,b.png\n");

		assertThat(Catalogs.problems(file)).extracting(RowProblem::message)
			.containsExactly("row 2, column 'description': has 2097152 characters; a cell may hold at most 32767");
		assertThat(Catalogs.products(file)).extracting(CatalogProduct::sourceKey).containsExactly("B");
	}

	@Test
	void shouldSkipARowWithANulCharacterPastTheSniffedStart() throws IOException {
		String padding = "P,Padding,p.png\n".repeat(5000);
		Path file = write("sku,title,image\n" + padding + "A,La\u0000mp,a.png\n");

		assertThat(Catalogs.problems(file)).extracting(RowProblem::message)
			.containsExactly("row 5002, column 'title': contains a NUL character, which no text holds (binary data?)");
	}

	@Test
	void shouldRefuseAHeaderOfThousandsOfColumns() throws IOException {
		StringBuilder header = new StringBuilder("sku,title,image");
		for (int i = 0; i < 5000; i++) {
			header.append(",extra").append(i);
		}
		Path file = write(header + "\nA,B,c.png\n");

		assertThatThrownBy(() -> CatalogReader.check(file, CatalogOptions.DETECT))
			.isInstanceOf(CatalogFormatException.class)
			.hasMessage("catalog " + file + " has 5003 columns on line 1; at most 1000 are supported");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sku,title,image\nA,Lamp,a.png\nB,\"Vase,b.png\nC,Bowl,c.png\n",
			"sku,title,image\nA,Lamp,a.png\nB,\"Vase\"x,b.png\n" })
	void shouldReportAnUnterminatedQuoteWithoutLosingTheRowsBeforeIt(String text) throws IOException {
		Path file = write(text);

		List<CatalogEntry> entries;
		try (CatalogReader reader = CatalogReader.open(file, CatalogOptions.DETECT)) {
			assertThat(reader.next().product().sourceKey()).isEqualTo("A");
			assertThatThrownBy(() -> {
				for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
					assertThat(entry.product()).as("no product is read from a broken quote").isNull();
				}
			}).isInstanceOf(CatalogFormatException.class).hasMessageContaining("not valid CSV after line 2");
		}
	}

	private Path write(String text) throws IOException {
		Path file = Files.createTempFile(this.folder, "catalog", ".csv");
		Files.writeString(file, text);
		return file;
	}

	private Path bytes(String name, byte[] content) throws IOException {
		Path file = this.folder.resolve(name);
		Files.write(file, content);
		return file;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] joined = new byte[a.length + b.length];
		System.arraycopy(a, 0, joined, 0, a.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}

}
