package com.prompt2pixel.cli;

import java.nio.file.Path;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import picocli.CommandLine.Option;

/**
 * How to read a catalog file, for every command that reads one.
 */
class CatalogFileOptions {

	@Option(names = "--mapping", paramLabel = "FILE",
			description = "column mapping, one 'field = Column name' a line, for headers the built-in names miss "
					+ "(fields: key, title, description, image, category, product_type, tags, vendor, price, dimensions)")
	Path mapping;

	@Option(names = "--sheet", paramLabel = "NAME",
			description = "sheet of an .xlsx workbook to read (default: the first sheet with data)")
	String sheet;

	CatalogOptions toOptions() {
		return new CatalogOptions(this.mapping, this.sheet);
	}

}
