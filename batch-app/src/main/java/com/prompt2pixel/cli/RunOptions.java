package com.prompt2pixel.cli;

import java.nio.file.Path;

import com.prompt2pixel.run.RunRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a run is made of, for the commands that run or preview one.
 */
class RunOptions {

	@Option(names = "--catalog", required = true, paramLabel = "FILE", description = "catalog file: .csv or .xlsx")
	Path catalog;

	@Mixin
	CatalogFileOptions catalogFile;

	@Option(names = "--merchant", defaultValue = "demo", paramLabel = "ID",
			description = "merchant id (default: ${DEFAULT-VALUE})")
	String merchant;

	@Option(names = "--templates", paramLabel = "SET",
			description = "scene-template set for every product (default: each product's vertical, by its "
					+ "type, category, tags or vendor)")
	String templates;

	@Option(names = "--variants", paramLabel = "N",
			description = "variants per scene, 1-16 (default: each scene's own)")
	Integer variants;

	RunRequest request(Path out) {
		return new RunRequest(this.merchant, this.catalog, this.templates, this.variants, out,
				this.catalogFile.toOptions());
	}

}
