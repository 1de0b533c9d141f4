package com.prompt2pixel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongConsumer;

import com.prompt2pixel.ingest.CatalogImportService;
import com.prompt2pixel.ingest.ImportRequest;
import com.prompt2pixel.ingest.ImportSummary;
import com.prompt2pixel.ingest.InvalidImportRequestException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import}: a catalog into the merchant's products, without generating anything;
 * its summary as the last line of stdout.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Imports a catalog (CSV, or .xlsx; Shopify or WooCommerce export, or any header), or the "
				+ "merchant's connected Shopify shop, into the merchant's products, and reports new, changed, "
				+ "unchanged and skipped rows.")
class ImportCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ArgGroup(exclusive = true, multiplicity = "1")
	Source source;

	/** A file, or the shop. */
	static class Source {

		@Option(names = "--catalog", required = true, paramLabel = "FILE",
				description = "catalog file: .csv, .xlsx, or a Shopify snapshot .jsonl")
		Path catalog;

		@Option(names = "--shopify", required = true,
				description = "read the merchant's connected Shopify shop (see shopify-connect)")
		boolean shopify;

	}

	@Option(names = "--read", defaultValue = "auto", paramLabel = "auto|paged|bulk",
			description = "with --shopify: paged queries, one bulk operation, or by the shop's size (default: "
					+ "${DEFAULT-VALUE})")
	String read;

	@Option(names = "--merchant", defaultValue = "demo", paramLabel = "ID",
			description = "merchant id (default: ${DEFAULT-VALUE})")
	String merchant;

	@Mixin
	CatalogFileOptions catalogFile;

	@Override
	public Integer call() {
		if (this.source.shopify) {
			return shopify();
		}
		ImportRequest request = new ImportRequest(this.merchant, this.source.catalog, this.catalogFile.toOptions());
		try {
			request.check();
		}
		catch (InvalidImportRequestException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		return OneShot.run(TerminalProgress.withQuieterLogs(), (context) -> {
			CatalogImportService imports = context.getBean(CatalogImportService.class);
			return output(following(imports, (recorded) -> imports.start(request, recorded)));
		}, OneShot.failedSummary("import", "message"));
	}

	private Integer shopify() {
		String mode = this.read.toUpperCase(Locale.ROOT);
		if (!List.of("AUTO", "PAGED", "BULK").contains(mode)) {
			System.err.println("error: --read must be auto, paged or bulk, was '" + this.read + "'");
			return Cli.BAD_INPUT;
		}
		if (this.catalogFile.toOptions().mapping() != null || this.catalogFile.toOptions().sheet() != null) {
			System.err.println("error: --mapping and --sheet are for catalog files, not --shopify");
			return Cli.BAD_INPUT;
		}
		return OneShot.run(TerminalProgress.withQuieterLogs(), (context) -> {
			CatalogImportService imports = context.getBean(CatalogImportService.class);
			return output(following(imports, (recorded) -> imports.startShopify(this.merchant, mode, recorded)));
		}, OneShot.failedSummary("import", "message"));
	}

	/**
	 * The import, followed by a progress bar of the rows read while stderr is a terminal.
	 */
	private static ImportSummary following(CatalogImportService imports, Function<LongConsumer, ImportSummary> start) {
		return TerminalProgress.follow("import", (id) -> imports.summary(id)
			// a file's rows are counted as they are read: the total is known at the end
			.map((summary) -> new TerminalProgress.Reading(summary.rows(),
					"COMPLETED".equals(summary.status()) ? summary.rows() : -1,
					summary.status().toLowerCase(Locale.ROOT)))
			.orElse(null), start);
	}

	/** The summary as JSON; on failure also a line on stderr saying how to resume. */
	static OneShot.Output output(ImportSummary summary) {
		List<String> json = List.of(JSON.writeValueAsString(summary.toJson()));
		if ("COMPLETED".equals(summary.status())) {
			return OneShot.Output.ok(json);
		}
		return new OneShot.Output(Cli.FAILED, json,
				List.of("error: import " + summary.id() + " failed: " + summary.message()
						+ "; once the cause is mended, resume it with: java -jar "
						+ "batch-app/target/prompt2pixel.jar resume-import --import " + summary.id()));
	}

}
