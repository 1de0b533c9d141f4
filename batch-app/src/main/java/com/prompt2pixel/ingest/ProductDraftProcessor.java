package com.prompt2pixel.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.prompt2pixel.connectors.catalog.CatalogRow;
import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.connectors.images.ProductImageSource;
import com.prompt2pixel.run.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a catalog line into a product draft: resolves the photo reference (a local photo
 * must exist) and hashes the product's content. Bad lines are counted as skipped on the
 * import and logged with their line and reason, and filtered out.
 */
class ProductDraftProcessor implements ItemProcessor<CatalogLine, ProductDraft> {

	private static final Logger log = LoggerFactory.getLogger(ProductDraftProcessor.class);

	private final Path catalogFolder;

	private final ProductImageSource images;

	private final ImportCounts counts;

	private final long importId;

	ProductDraftProcessor(Path catalogFile, ProductImageSource images, ImportCounts counts, long importId) {
		this.catalogFolder = catalogFile.toAbsolutePath().getParent();
		this.images = images;
		this.counts = counts;
		this.importId = importId;
	}

	@Override
	public ProductDraft process(CatalogLine line) {
		if (line.error() != null) {
			return skip(line.error().getMessage());
		}
		CatalogRow row = line.row();
		URI image;
		String imageSha256;
		try {
			image = this.images.resolve(row.image(), this.catalogFolder);
			imageSha256 = Hashes.sha256(this.images.load(image));
		}
		catch (ProductImageException ex) {
			return skip("line " + row.line() + ", column 'image': " + ex.getMessage());
		}
		return new ProductDraft(row.sourceKey(), row.title(), row.description(), row.category(), row.productType(),
				row.tags(), row.vendor(), image.toString(), imageSha256, contentHash(row, image, imageSha256));
	}

	private ProductDraft skip(String reason) {
		log.warn("Skipped catalog row: {}", reason);
		this.counts.skipped(this.importId);
		return null;
	}

	/** Everything about the product that can change its images, photo bytes included. */
	static String contentHash(CatalogRow row, URI image, String imageSha256) {
		String content = String.join("\0", row.title(), row.description(), row.category(), row.productType(),
				String.join(",", row.tags()), row.vendor(), image.toString(), imageSha256);
		return Hashes.sha256(content.getBytes(StandardCharsets.UTF_8));
	}

}
