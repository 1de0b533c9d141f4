package com.prompt2pixel.connectors.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxCatalogTest {

	private static final List<CatalogProduct> EXPECTED = List.of(
			new CatalogProduct(4, "MUG-1", null, null, "Stoneware Mug", "", "", "", "", List.of("gift", "ceramic"), "",
					1, new BigDecimal("12.5"), List.of("mug.png"), null),
			new CatalogProduct(5, "1002", null, null, "Vase", "", "", "", "", List.of(), "", 1, new BigDecimal("30"),
					List.of("vase.png"), null));

	@TempDir
	Path folder;

	@Test
	void shouldReadAWorkbookWithSharedStringsLikeExcelWrites() throws IOException {
		Path file = write("excel.xlsx", new XSSFWorkbook());

		assertThat(Catalogs.products(file)).isEqualTo(EXPECTED);
		try (CatalogReader reader = CatalogReader.open(file, CatalogOptions.DETECT)) {
			assertThat(reader.format()).isEqualTo("generic, XLSX (sheet 'Products')");
		}
	}

	@Test
	void shouldReadAWorkbookWithInlineStringsAndCachedFormulaValues() throws IOException {
		Path file = write("streamed.xlsx", new SXSSFWorkbook());

		assertThat(Catalogs.products(file)).isEqualTo(EXPECTED);
	}

	@Test
	void shouldReadAWorkbookWrittenByOpenpyxl() {
		assertThat(Catalogs.products(PlatformExportTest.resource("openpyxl-catalog.xlsx"))).isEqualTo(EXPECTED);
	}

	@Test
	void shouldReadAWorkbookSavedByLibreOffice() throws IOException {
		Path file = PlatformExportTest.resource("libreoffice-catalog.xlsx");

		assertThat(Catalogs.products(file)).isEqualTo(EXPECTED);
		try (XlsxRows rows = XlsxRows.open(file, null)) {
			rows.next();
			rows.next();
			assertThat(rows.next()).containsExactly("MUG-1", "Stoneware Mug", "mug.png", "12.5", "TRUE", "2026-03-01",
					"gift, ceramic");
			assertThat(rows.next()).containsExactly("1002", "Vase", "vase.png", "30", "FALSE", "2026-04-15");
		}
	}

	@Test
	void shouldTurnCellsIntoTheTextAMerchantSees() throws IOException {
		Path file = write("cells.xlsx", new XSSFWorkbook());

		try (XlsxRows rows = XlsxRows.open(file, "Products")) {
			assertThat(rows.next()).containsExactly("Spring catalog 2026");
			assertThat(rows.next()).containsExactly("SKU", "Title", "Image", "Price", "In stock", "Launch", "Tags");
			assertThat(rows.next()).containsExactly("MUG-1", "Stoneware Mug", "mug.png", "12.5", "TRUE", "2026-03-01",
					"gift, ceramic");
			assertThat(rows.rowNumber()).isEqualTo(4);
		}
	}

	@Test
	void shouldReadTheNamedSheetAndNameTheSheetsWhenItIsMissing() throws IOException {
		Path file = write("sheets.xlsx", new XSSFWorkbook());

		assertThat(Catalogs.products(file, new CatalogOptions(null, "Products"))).isEqualTo(EXPECTED);
		assertThatThrownBy(() -> CatalogReader.open(file, new CatalogOptions(null, "Catalog")))
			.isInstanceOf(CatalogFormatException.class)
			.hasMessage("catalog " + file + " has no sheet named 'Catalog'; its sheets are: 'Notes', 'Products'");
	}

	@Test
	void shouldRefuseAZipBomb() throws IOException {
		Path bomb = this.folder.resolve("bomb.xlsx");
		Path normal = write("normal.xlsx", new XSSFWorkbook());
		// the sheet's XML padded with 50 MB of blanks: it compresses a thousandfold
		rewrite(normal, bomb, "xl/worksheets/sheet2.xml",
				(xml) -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(50 * 1024 * 1024)));

		assertThatThrownBy(() -> Catalogs.products(bomb)).isInstanceOf(CatalogFormatException.class)
			.hasMessage("catalog " + bomb + " was refused: a part of the workbook expands to far more than its "
					+ "compressed size (a zip bomb)");
	}

	@Test
	void shouldNotResolveExternalEntities() throws IOException {
		Path secret = this.folder.resolve("secret.txt");
		Files.writeString(secret, "TOP-SECRET");
		Path normal = write("normal.xlsx", new XSSFWorkbook());
		Path hostile = this.folder.resolve("xxe.xlsx");
		rewrite(normal, hostile, "xl/sharedStrings.xml",
				(xml) -> xml.replaceFirst("\\?>", "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
					.replace("Stoneware Mug", "&xxe;"));

		assertThatThrownBy(() -> Catalogs.products(hostile)).isInstanceOf(CatalogFormatException.class)
			.hasMessageStartingWith("catalog " + hostile + " cannot be read as an .xlsx workbook: ")
			.hasMessageNotContaining("TOP-SECRET");
	}

	/**
	 * An empty first sheet, then "Products": a title row, a blank row, the header, and
	 * two products with a number, a boolean, a date and a formula among their cells.
	 */
	private Path write(String name, Workbook workbook) throws IOException {
		try (workbook) {
			workbook.createSheet("Notes");
			Sheet sheet = workbook.createSheet("Products");
			CreationHelper helper = workbook.getCreationHelper();
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
			sheet.createRow(0).createCell(0).setCellValue("Spring catalog 2026");
			Row header = sheet.createRow(2);
			String[] names = { "SKU", "Title", "Image", "Price", "In stock", "Launch", "Tags" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			Row mug = sheet.createRow(3);
			mug.createCell(0).setCellValue("MUG-1");
			mug.createCell(1).setCellValue("Stoneware Mug");
			mug.createCell(2).setCellValue("mug.png");
			mug.createCell(3).setCellValue(12.5);
			mug.createCell(4).setCellValue(true);
			mug.createCell(5).setCellValue(LocalDate.of(2026, 3, 1));
			mug.getCell(5).setCellStyle(dateStyle);
			mug.createCell(6).setCellValue("gift, ceramic");
			Row vase = sheet.createRow(4);
			vase.createCell(0).setCellValue(1002);
			vase.createCell(1).setCellValue("Vase");
			vase.createCell(2).setCellFormula("\"vase\"&\".png\"");
			vase.createCell(3).setCellFormula("10*3");
			vase.createCell(4).setCellValue(false);
			vase.createCell(5).setCellValue(LocalDate.of(2026, 4, 15));
			vase.getCell(5).setCellStyle(dateStyle);
			helper.createFormulaEvaluator().evaluateAll();
			Path file = this.folder.resolve(name);
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
			return file;
		}
	}

	private static void rewrite(Path source, Path target, String entryName,
			java.util.function.UnaryOperator<String> change) throws IOException {
		try (ZipFile zip = new ZipFile(source.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				byte[] content = zip.getInputStream(entry).readAllBytes();
				if (entry.getName().equals(entryName)) {
					content = change.apply(new String(content, StandardCharsets.UTF_8))
						.getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(content);
				out.closeEntry();
			}
		}
	}

}
