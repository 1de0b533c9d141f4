package com.prompt2pixel.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.prompt2pixel.connectors.catalog.CatalogEntry;
import com.prompt2pixel.connectors.catalog.CatalogProduct;
import com.prompt2pixel.connectors.catalog.RowProblem;
import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.connectors.images.ProductImageSource;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Makes a product's image references absolute: URLs stay, paths are resolved against the
 * catalog's folder and must exist. A reference that is neither turns the product into a
 * row problem. Photos are not fetched here; a run does that after the merge.
 */
class ImageReferenceProcessor implements ItemProcessor<StagedEntry, StagedEntry> {

	private final Path catalogFolder;

	private final ProductImageSource images;

	ImageReferenceProcessor(Path catalogFile, ProductImageSource images) {
		this.catalogFolder = catalogFile.toAbsolutePath().getParent();
		this.images = images;
	}

	@Override
	public StagedEntry process(StagedEntry staged) {
		CatalogProduct product = staged.entry().product();
		if (product == null || product.imageUrls().isEmpty()) {
			return staged;
		}
		List<String> resolved = new ArrayList<>(product.imageUrls().size());
		for (String reference : product.imageUrls()) {
			try {
				resolved.add(this.images.resolve(reference, this.catalogFolder).toString());
			}
			catch (ProductImageException ex) {
				return new StagedEntry(new CatalogEntry(null, new RowProblem(product.row(), "image", ex.getMessage())),
						staged.rows());
			}
		}
		CatalogProduct absolute = new CatalogProduct(product.row(), product.sourceKey(), product.altKey(),
				product.parentKey(), product.title(), product.description(), product.vendor(), product.productType(),
				product.category(), product.tags(), product.options(), product.variantCount(), product.price(),
				List.copyOf(resolved));
		return new StagedEntry(new CatalogEntry(absolute, null), staged.rows());
	}

}
