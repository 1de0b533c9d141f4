package com.prompt2pixel.run;

import java.util.regex.Pattern;

import com.prompt2pixel.connectors.catalog.CatalogFormatException;
import com.prompt2pixel.connectors.catalog.CsvCatalogReader;

/**
 * Checks a run request before anything is written: the catalog is readable and has the
 * columns an import needs, the merchant id and variant count are sane. Needs no database,
 * so the CLI runs it before the application starts; the template set is checked against
 * the merchant's own sets and the library once the database is there.
 */
public final class RunRequestCheck {

	public static final int MAX_VARIANTS = 16;

	private static final Pattern MERCHANT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

	private RunRequestCheck() {
	}

	/**
	 * @throws InvalidRunRequestException naming the first problem found
	 */
	public static void check(RunRequest request) {
		if (!MERCHANT_ID.matcher(request.merchantId()).matches()) {
			throw new InvalidRunRequestException("merchant id '" + request.merchantId()
					+ "' must be 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit");
		}
		if (request.variants() != null && (request.variants() < 1 || request.variants() > MAX_VARIANTS)) {
			throw new InvalidRunRequestException(
					"variants must be from 1 to " + MAX_VARIANTS + ", was " + request.variants());
		}
		try {
			CsvCatalogReader.check(request.catalogFile());
		}
		catch (CatalogFormatException ex) {
			throw new InvalidRunRequestException(ex.getMessage(), ex);
		}
	}

}
