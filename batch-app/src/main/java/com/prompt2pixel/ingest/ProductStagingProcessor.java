package com.prompt2pixel.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.prompt2pixel.connectors.catalog.CatalogEntry;
import com.prompt2pixel.connectors.catalog.CatalogProduct;
import com.prompt2pixel.connectors.catalog.RowProblem;
import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.connectors.images.ProductImageSource;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Readies products for staging: image references made absolute (URLs stay, paths are
 * resolved against the catalog's folder and must exist; a reference that is neither turns
 * the product into a row problem) and the content hashed. Photos are not fetched here; a
 * run does that after the merge.
 */
class ProductStagingProcessor implements ItemProcessor<List<StagedEntry>, List<StagedEntry>> {

	private final Path catalogFolder;

	private final Path photoRoot;

	private final ProductImageSource images;

	/** Read once the reader has opened the file and recorded it. */
	private final Supplier<String> imageColumn;

	private String column;

	ProductStagingProcessor(Path catalogFile, Path photoRoot, ProductImageSource images, Supplier<String> imageColumn) {
		this.catalogFolder = catalogFile.toAbsolutePath().getParent();
		this.photoRoot = photoRoot;
		this.images = images;
		this.imageColumn = imageColumn;
	}

	@Override
	public List<StagedEntry> process(List<StagedEntry> batch) {
		List<StagedEntry> ready = new ArrayList<>(batch.size());
		for (StagedEntry staged : batch) {
			ready.add(process(staged));
		}
		return ready;
	}

	private StagedEntry process(StagedEntry staged) {
		CatalogProduct product = staged.entry().product();
		if (product == null) {
			return staged;
		}
		List<String> resolved = new ArrayList<>(product.imageUrls().size());
		for (String reference : product.imageUrls()) {
			try {
				resolved.add(this.images.resolve(reference, this.catalogFolder, this.photoRoot).toString());
			}
			catch (ProductImageException ex) {
				RowProblem problem = new RowProblem(product.row(), imageColumn(), ex.getMessage());
				return new StagedEntry(new CatalogEntry(null, problem), staged.rows(), null);
			}
		}
		CatalogProduct absolute = new CatalogProduct(product.row(), product.sourceKey(), product.altKey(),
				product.parentKey(), product.title(), product.description(), product.vendor(), product.productType(),
				product.category(), product.tags(), product.options(), product.variantCount(), product.price(),
				List.copyOf(resolved), product.sizeCm());
		String hash = ContentHash.of(absolute.title(), absolute.description(), absolute.vendor(),
				absolute.productType(), absolute.category(), absolute.tags(), absolute.options(), absolute.imageUrls(),
				absolute.sizeCm());
		return new StagedEntry(new CatalogEntry(absolute, null), staged.rows(), hash);
	}

	private String imageColumn() {
		if (this.column == null) {
			this.column = this.imageColumn.get();
		}
		return this.column;
	}

}
