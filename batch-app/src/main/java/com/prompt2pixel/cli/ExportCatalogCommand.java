package com.prompt2pixel.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.prompt2pixel.ingest.CatalogExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code export-catalog}: the merchant's catalog as the system understood it.
 */
@Command(name = "export-catalog", mixinStandardHelpOptions = true,
		description = "Writes the merchant's products as the system understood them (.csv or .xlsx), so the "
				+ "merchant can check the import.")
class ExportCatalogCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
	String merchant;

	@Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.csv or FILE.xlsx")
	Path out;

	@Override
	public Integer call() {
		return OneShot.run((context) -> {
			long products = context.getBean(CatalogExport.class).export(this.merchant, this.out);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("merchant", this.merchant);
			json.put("products", products);
			json.put("out", this.out.toAbsolutePath().normalize().toString());
			return OneShot.Output.ok(List.of(JSON.writeValueAsString(json)));
		});
	}

}
