package com.prompt2pixel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.support.FunctionalTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogImportFunctionalTests extends FunctionalTest {

	private static final String SHOPIFY_HEADER = "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,"
			+ "Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src,Image Position,Variant Image";

	@Autowired
	CatalogImportService imports;

	@Autowired
	CatalogExport export;

	@Autowired
	CatalogImports catalogImports;

	@Autowired
	JobRepository jobRepository;

	@TempDir
	Path folder;

	@Test
	void shouldImportAShopifyExportAsOneProductPerHandle() throws IOException {
		Path file = write("shopify.csv", SHOPIFY_HEADER,
				"tee,Tee,<p>Soft <b>cotton</b></p>,Acme,Apparel > Shirts,Shirt,\"summer, cotton\",Size,S,TEE-S,20.00,"
						+ "https://cdn.example/tee-front.jpg,1,",
				"tee,,,,,,,,M,TEE-M,18.50,https://cdn.example/tee-back.jpg,2,https://cdn.example/tee-m.jpg",
				"cap,Cap,Wool cap,Acme,Apparel > Hats,Hat,,Title,Default Title,CAP-1,9.00,https://cdn.example/cap.jpg,1,");

		ImportSummary summary = this.imports.start(request("shopify-shop", file));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.format()).isEqualTo("shopify, CSV (UTF-8, ',')");
		assertThat(summary.rows()).isEqualTo(3);
		assertThat(summary.products()).isEqualTo(2);
		assertThat(summary.created()).isEqualTo(2);
		assertThat(summary.skipped()).isZero();
		assertThat(summary.errorReport()).isNull();
		Map<String, Object> tee = this.jdbc.queryForMap("""
				SELECT title, description, vendor, product_type, category, array_to_string(tags, '|') AS tags, options,
				       variant_count, price::text AS price, array_to_string(image_urls, ' ') AS images, image_url
				FROM product WHERE merchant_id = 'shopify-shop' AND source_key = 'tee'""");
		assertThat(tee).containsEntry("title", "Tee")
			.containsEntry("description", "Soft cotton")
			.containsEntry("vendor", "Acme")
			.containsEntry("product_type", "Shirt")
			.containsEntry("category", "Apparel > Shirts")
			.containsEntry("tags", "summer|cotton")
			.containsEntry("options", "Size: S, M")
			.containsEntry("variant_count", 2)
			.containsEntry("price", "18.50")
			.containsEntry("images",
					"https://cdn.example/tee-front.jpg https://cdn.example/tee-back.jpg https://cdn.example/tee-m.jpg")
			.containsEntry("image_url", "https://cdn.example/tee-front.jpg");
	}

	@Test
	void shouldFoldWooCommerceVariationsIntoTheirProductsAndReportOrphans() throws IOException {
		List<String> rows = new ArrayList<>();
		rows.add("20,variable,jumper,Jumper,\"<p>Merino</p>\",Clothing > Knitwear,,https://shop.example/jumper.jpg,,"
				+ ",Color,\"Red, Grey\"");
		rows.add("21,variation,jumper-red,Jumper - Red,,,,https://shop.example/jumper-red.jpg,id:20,49.90,Color,Red");
		rows.add("30,simple,scarf,Scarf,Long scarf,Clothing > Accessories,,https://shop.example/scarf.jpg,,25,,");
		rows.add("22,variation,jumper-grey,Jumper - Grey,,,,,jumper,44.90,Color,Grey");
		for (int i = 0; i < 10; i++) {
			rows.add((40 + i) + ",simple,sock-" + i + ",Sock " + i + ",Wool sock,Clothing > Socks,,"
					+ "https://shop.example/sock.jpg,,5,,");
		}
		rows.add("99,variation,lost,Lost - Blue,,,,,id:98,10,Color,Blue");
		Path file = write("woo.csv",
				"ID,Type,SKU,Name,Description,Categories,Tags,Images,Parent,Regular price,Attribute 1 name,"
						+ "Attribute 1 value(s)",
				rows.toArray(String[]::new));

		ImportSummary summary = this.imports.start(request("woo-shop", file));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.products()).isEqualTo(12);
		assertThat(summary.skipped()).isOne();
		Map<String, Object> jumper = this.jdbc.queryForMap("""
				SELECT options, variant_count, price::text AS price, array_to_string(image_urls, ' ') AS images
				FROM product WHERE merchant_id = 'woo-shop' AND source_key = 'jumper'""");
		assertThat(jumper).containsEntry("options", "Color: Red, Grey")
			.containsEntry("variant_count", 2)
			.containsEntry("price", "44.90")
			.containsEntry("images", "https://shop.example/jumper.jpg https://shop.example/jumper-red.jpg");
		String[] folded = this.jdbc.queryForObject("""
				SELECT content_hash, title, description, vendor, product_type, category, options FROM product
				WHERE merchant_id = 'woo-shop' AND source_key = 'jumper'""",
				(rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7) });
		assertThat(folded[0]).as("the folded product hashed by the one definition")
			.isEqualTo(ContentHash.of(folded[1], folded[2], folded[3], folded[4], folded[5], List.of(), folded[6],
					List.of("https://shop.example/jumper.jpg"), null));
		assertThat(Files.readAllLines(Path.of(summary.errorReport()))).containsExactly("row,column,problem",
				"16,parent,\"is 'id:98', which is no product in this file\"");
		assertThat(Path.of(summary.errorReport()).resolveSibling("errors.xlsx")).isRegularFile();
	}

	@Test
	void shouldCountNewChangedUnchangedAndRemovedProductsOnTheNextImport() throws IOException {
		String header = "sku,title,image";
		this.imports.start(request("counting", write("v1.csv", header, "A,Lamp,https://x.example/a.jpg",
				"B,Vase,https://x.example/b.jpg", "C,Bowl,https://x.example/c.jpg")));

		ImportSummary second = this.imports
			.start(request("counting", write("v2.csv", header, "A,Lamp,https://x.example/a.jpg",
					"B,Tall vase,https://x.example/b.jpg", "D,Mug,https://x.example/d.jpg")));

		assertThat(second)
			.extracting(ImportSummary::created, ImportSummary::changed, ImportSummary::unchanged,
					ImportSummary::removed)
			.containsExactly(1L, 1L, 1L, 1L);
		assertThat(this.jdbc.queryForList(
				"SELECT source_key FROM product WHERE merchant_id = 'counting' AND removed_at IS NOT NULL",
				String.class))
			.containsExactly("C");
	}

	@Test
	void shouldWaitForAConfirmationBeforeACatalogTakesMostProductsAway() throws IOException {
		List<String> all = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			all.add("P" + i + ",Lamp " + i + ",https://x.example/" + i + ".jpg");
		}
		this.imports.start(request("shrinking", write("all.csv", "sku,title,image", all)));

		ImportSummary oneRow = this.imports
			.start(request("shrinking", write("one.csv", "sku,title,image", all.subList(0, 1))));

		assertThat(oneRow.status()).isEqualTo("FAILED");
		assertThat(oneRow.message()).isEqualTo("the catalog lacks 19 of the merchant's 20 products, more than the 20% "
				+ "(and the 5 products) an import may mark removed; nothing was changed. If that is meant, confirm it: "
				+ "resume-import --import " + oneRow.id() + " --confirm-removals");
		assertThat(live("shrinking")).as("nothing was changed").isEqualTo(20);

		ImportSummary confirmed = this.imports.resumeConfirmingRemovals(oneRow.id());

		assertThat(confirmed.status()).isEqualTo("COMPLETED");
		assertThat(confirmed.removed()).isEqualTo(19);
		assertThat(live("shrinking")).isOne();

		ImportSummary fewer = this.imports.start(request("shrinking", write("again.csv", "sku,title,image", all)));
		ImportSummary twoLess = this.imports
			.start(request("shrinking", write("less.csv", "sku,title,image", all.subList(0, 18))));

		assertThat(fewer.status()).isEqualTo("COMPLETED");
		assertThat(twoLess.status()).as("two products of twenty may go without asking").isEqualTo("COMPLETED");
		assertThat(twoLess.removed()).isEqualTo(2);
	}

	private long live(String merchant) {
		return this.jdbc.queryForObject("SELECT count(*) FROM product WHERE merchant_id = ? AND removed_at IS NULL",
				Long.class, merchant);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void shouldSkipUpToTheLimitAndFailBeyondItImportingNothing(CapturedOutput output) throws IOException {
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < 18; i++) {
			rows.add("OK-" + i + ",Lamp " + i + ",https://x.example/" + i + ".jpg");
		}
		rows.add("BAD-1,,https://x.example/bad.jpg");
		rows.add("OK-0,Lamp again,https://x.example/0.jpg");

		ImportSummary within = this.imports.start(request("limits", write("ok.csv", "sku,title,image", rows)));
		for (int i = 2; i <= 6; i++) {
			rows.add("BAD-" + i + ",,https://x.example/bad.jpg");
		}
		ImportSummary beyond = this.imports.start(request("limits-2", write("bad.csv", "sku,title,image", rows)));

		assertThat(within.status()).isEqualTo("COMPLETED");
		assertThat(within.products()).isEqualTo(18);
		assertThat(within.skipped()).isEqualTo(2);
		assertThat(Files.readAllLines(Path.of(within.errorReport()))).containsExactly("row,column,problem",
				"20,title,is empty", "21,key,\"duplicate key 'OK-0', first used on row 2\"");
		assertThat(beyond.status()).isEqualTo("FAILED");
		assertThat(beyond.message())
			.isEqualTo("7 of 25 rows have problems, more than the 10% (and the 5 rows) an import may skip; "
					+ "nothing was imported. The error report lists each problem");
		assertThat(beyond.errorReport()).isNotNull();
		assertThat(output).as("an expected rejection is no error with a stack trace")
			.doesNotContain("Encountered an error executing step")
			.doesNotContain("ImportRejectedException");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM product WHERE merchant_id = 'limits-2'", Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM catalog_import_row", Long.class))
			.as("no staging rows are left behind")
			.isZero();
	}

	@Test
	void shouldImportTheGoodRowsOfASmallCatalogWithOneBadRow() throws IOException {
		List<String> rows = List.of("A,Lamp,https://x.example/a.jpg", "B,,https://x.example/b.jpg",
				"C,Vase,https://x.example/c.jpg", "D,Bowl,https://x.example/d.jpg", "E,Mug,https://x.example/e.jpg");

		ImportSummary summary = this.imports.start(request("small-shop", write("small.csv", "sku,title,image", rows)));

		assertThat(summary.status()).as("one bad row in five is 20%%, but only one row").isEqualTo("COMPLETED");
		assertThat(summary.products()).isEqualTo(4);
		assertThat(summary.skipped()).isOne();
	}

	@Test
	void shouldNameTheMerchantsOwnColumnInTheErrorReport() throws IOException {
		Path file = write("de.csv", "Artikelnummer;Bezeichnung;Bild", "A;Lampe;https://x.example/a.jpg",
				"B;Vase;fotos/fehlt.png", "C;Schale;");

		ImportSummary summary = this.imports.start(request("de-shop", file));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(Files.readAllLines(Path.of(summary.errorReport()))).hasSize(3)
			.element(1)
			.asString()
			.startsWith("3,Bild,image file not found: ");
		assertThat(Files.readAllLines(Path.of(summary.errorReport())).get(2)).startsWith("4,Bild,");
	}

	@Test
	void shouldResumeAnImportWhoseProcessDiedWhileItRan() throws IOException {
		Path file = write("died.csv", "sku,title,image", "A,Lamp,https://x.example/a.jpg");
		long id = this.catalogImports.create(request("died", file), null);
		// what a process killed in the middle of the import leaves in the job repository
		JobParameters parameters = new JobParametersBuilder().addLong(CatalogImportJob.IMPORT_ID, id).toJobParameters();
		JobExecution abandoned = this.jobRepository.createJobExecution(
				this.jobRepository.createJobInstance(CatalogImportJob.NAME, parameters), parameters,
				new ExecutionContext());
		abandoned.setStatus(BatchStatus.STARTED);
		this.jobRepository.update(abandoned);

		ImportSummary resumed = this.imports.resume(id);

		assertThat(resumed.status()).as("recovered first: this process owns the embedded database")
			.isEqualTo("COMPLETED");
		assertThat(resumed.products()).isOne();
	}

	@Test
	void shouldImportAWorkbookFromItsNamedSheet() throws IOException {
		Path file = this.folder.resolve("catalog.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			workbook.createSheet("Readme").createRow(0).createCell(0).setCellValue("Our catalog");
			Sheet sheet = workbook.createSheet("Products");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("Artikelnummer");
			header.createCell(1).setCellValue("Bezeichnung");
			header.createCell(2).setCellValue("Bild");
			Row lamp = sheet.createRow(1);
			lamp.createCell(0).setCellValue(4711);
			lamp.createCell(1).setCellValue("Leuchte");
			lamp.createCell(2).setCellValue("https://x.example/lamp.jpg");
			workbook.write(out);
		}

		ImportSummary summary = this.imports
			.start(new ImportRequest("workbook", file, new CatalogOptions(null, "Products")));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.format()).isEqualTo("generic, XLSX (sheet 'Products')");
		assertThat(this.jdbc.queryForObject(
				"SELECT title FROM product WHERE merchant_id = 'workbook' " + "AND source_key = '4711'", String.class))
			.isEqualTo("Leuchte");
	}

	@Test
	void shouldRefuseAnUnusableFileBeforeWritingAnything() throws IOException {
		Path binary = this.folder.resolve("photo.csv");
		Files.write(binary, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R' });
		Long before = this.jdbc.queryForObject("SELECT count(*) FROM catalog_import", Long.class);

		assertThatThrownBy(() -> this.imports.start(request("hostile", binary)))
			.isInstanceOf(InvalidImportRequestException.class)
			.hasMessageContaining("is not a text file");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM catalog_import", Long.class)).isEqualTo(before);
	}

	@Test
	void shouldFailAnImportWhoseFileBreaksPartWayAndImportNothing() throws IOException {
		Path file = write("broken.csv", "sku,title,image", "A,Lamp,https://x.example/a.jpg",
				"B,\"Vase,https://x.example/b.jpg", "C,Bowl,https://x.example/c.jpg");

		ImportSummary summary = this.imports.start(request("broken", file));

		assertThat(summary.status()).isEqualTo("FAILED");
		assertThat(summary.message()).isEqualTo("catalog " + file + " is not valid CSV after line 2: the quote "
				+ "opened on line 3 is never closed, so the rest of the file would be one cell");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM product WHERE merchant_id = 'broken'", Long.class))
			.isZero();
	}

	@Test
	void shouldResumeAFailedImportAfterItsLastCommittedBatchWithEveryProductOnce() throws IOException {
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < 25_000; i++) {
			rows.add("K-" + i + ",Product " + i + ",https://x.example/" + i + ".jpg");
		}
		Path file = write("long.csv", "sku,title,image", rows);
		String good = Files.readString(file);
		// a quote never closed at the end: the first 20,000 products (two chunks) commit
		// before the reader reaches it
		Files.writeString(file, good + "K-X,\"Broken,https://x.example/x.jpg\nK-Y,After,https://x.example/y.jpg\n");

		ImportSummary failed = this.imports.start(request("resumer", file));
		long staged = this.jdbc.queryForObject("SELECT count(*) FROM catalog_import_row WHERE import_id = ?",
				Long.class, failed.id());
		Files.writeString(file, good);
		ImportSummary resumed = this.imports.resume(failed.id());

		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(staged).isEqualTo(20_000);
		assertThat(resumed.status()).isEqualTo("COMPLETED");
		assertThat(resumed.rows()).isEqualTo(25_000);
		assertThat(resumed.products()).isEqualTo(25_000);
		assertThat(resumed.skipped()).as("no key was staged twice").isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM product WHERE merchant_id = 'resumer'", Long.class))
			.isEqualTo(25_000);
		assertThatThrownBy(() -> this.imports.resume(failed.id()))
			.hasMessage("import " + failed.id() + " is already complete");
	}

	@Test
	void shouldExportTheCatalogAsUnderstoodWithFormulasNeutralised() throws IOException {
		this.imports.start(request("exporter",
				write("e.csv", "sku,title,tags,image,dimensions",
						"M-1,=cmd|' /C calc'!A0,\"gift, mug\",https://x.example/m.jpg,9 x 12 cm",
						"M-2,Plate,,https://x.example/p.jpg,")));
		Path csv = this.folder.resolve("export.csv");
		Path xlsx = this.folder.resolve("export.xlsx");

		assertThat(this.export.export("exporter", csv)).isEqualTo(2);
		this.export.export("exporter", xlsx);

		List<String> lines = Files.readAllLines(csv);
		assertThat(lines.get(0)).isEqualTo(String.join(",", CatalogExport.HEADER));
		assertThat(lines.get(1))
			.startsWith("M-1,'=cmd|' /C calc'!A0,,,,,\"gift, mug\",,1,,12 cm,https://x.example/m.jpg,");
		assertThat(lines.get(2)).startsWith("M-2,Plate,,,,,,,1,,,https://x.example/p.jpg,");
		ImportSummary resized = this.imports.start(request("exporter",
				write("e2.csv", "sku,title,tags,image,dimensions",
						"M-1,=cmd|' /C calc'!A0,\"gift, mug\",https://x.example/m.jpg,H 14 cm",
						"M-2,Plate,,https://x.example/p.jpg,")));
		assertThat(resized.changed()).as("a new size is a change: its scenes are drawn again").isEqualTo(1);
		assertThat(resized.unchanged()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT size_cm FROM product WHERE merchant_id = 'exporter' AND source_key = 'M-1'", Double.class))
			.isEqualTo(14.0);
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue())
				.isEqualTo("'=cmd|' /C calc'!A0");
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
		}
		assertThatThrownBy(() -> this.export.export("nobody", csv)).hasMessage("no merchant 'nobody'");
	}

	@Test
	void shouldHashContentOverWhatChangesAProductsImagery() {
		String hash = ContentHash.of("Mug ☕", "Holds 350 ml", "Acme", "", "Kitchen", List.of("gift", "mug"),
				"Color: Red", List.of("https://x.example/m.jpg", "https://x.example/back.jpg"), null);

		assertThat(hash).matches("[0-9a-f]{64}")
			.isEqualTo(ContentHash.of("Mug ☕", "Holds 350 ml", "Acme", "", "Kitchen", List.of("gift", "mug"),
					"Color: Red", List.of("https://x.example/m.jpg"), null))
			.as("only the primary image counts")
			.isNotEqualTo(ContentHash.of("Mug ☕", "Holds 350 ml", "Acme", "", "Kitchen", List.of("gift", "mug"),
					"Color: Blue", List.of("https://x.example/m.jpg"), null))
			.as("a stated size draws the product to scale")
			.isNotEqualTo(ContentHash.of("Mug ☕", "Holds 350 ml", "Acme", "", "Kitchen", List.of("gift", "mug"),
					"Color: Red", List.of("https://x.example/m.jpg"), 12.0));
		assertThat(ContentHash.of("Mug", "", "", "", "", List.of(), "", List.of(), null)).matches("[0-9a-f]{64}");
	}

	private static ImportRequest request(String merchant, Path file) {
		return new ImportRequest(merchant, file, CatalogOptions.DETECT);
	}

	private Path write(String name, String header, String... rows) throws IOException {
		return write(name, header, List.of(rows));
	}

	private Path write(String name, String header, List<String> rows) throws IOException {
		Path file = this.folder.resolve(name);
		Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n");
		return file;
	}

}
