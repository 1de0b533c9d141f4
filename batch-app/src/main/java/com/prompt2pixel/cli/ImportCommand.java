package com.prompt2pixel.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.prompt2pixel.ingest.CatalogImportService;
import com.prompt2pixel.ingest.ImportRequest;
import com.prompt2pixel.ingest.ImportSummary;
import com.prompt2pixel.ingest.InvalidImportRequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import}: a catalog into the merchant's products, without generating anything;
 * its summary as the last line of stdout.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Imports a catalog (CSV, or .xlsx; Shopify or WooCommerce export, or any header) into the "
				+ "merchant's products, and reports new, changed, unchanged and skipped rows.")
class ImportCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--catalog", required = true, paramLabel = "FILE", description = "catalog file: .csv or .xlsx")
	Path catalog;

	@Option(names = "--merchant", defaultValue = "demo", paramLabel = "ID",
			description = "merchant id (default: ${DEFAULT-VALUE})")
	String merchant;

	@Mixin
	CatalogFileOptions catalogFile;

	@Override
	public Integer call() {
		ImportRequest request = new ImportRequest(this.merchant, this.catalog, this.catalogFile.toOptions());
		try {
			request.check();
		}
		catch (InvalidImportRequestException ex) {
			System.err.println("error: " + ex.getMessage());
			return Cli.BAD_INPUT;
		}
		return OneShot.run((context) -> {
			return output(context.getBean(CatalogImportService.class).start(request));
		});
	}

	/** The summary as JSON; on failure also a line on stderr saying how to resume. */
	static OneShot.Output output(ImportSummary summary) {
		List<String> json = List.of(JSON.writeValueAsString(json(summary)));
		if ("COMPLETED".equals(summary.status())) {
			return OneShot.Output.ok(json);
		}
		return new OneShot.Output(Cli.FAILED, json,
				List.of("error: import " + summary.id() + " failed: " + summary.message()
						+ "; once the cause is mended, resume it with: java -jar "
						+ "batch-app/target/prompt2pixel.jar resume-import --import " + summary.id()));
	}

	static Map<String, Object> json(ImportSummary summary) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("import", summary.id());
		json.put("status", summary.status());
		json.put("format", summary.format());
		json.put("rows", summary.rows());
		json.put("products", summary.products());
		json.put("new", summary.created());
		json.put("changed", summary.changed());
		json.put("unchanged", summary.unchanged());
		json.put("removed", summary.removed());
		json.put("skipped", summary.skipped());
		json.put("error_report", summary.errorReport());
		json.put("elapsed_ms", summary.elapsedMs());
		json.put("message", summary.message());
		return json;
	}

}
