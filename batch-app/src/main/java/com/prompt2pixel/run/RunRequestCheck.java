package com.prompt2pixel.run;

import com.prompt2pixel.ingest.InvalidImportRequestException;

/**
 * Checks a run request before anything is written: the catalog is readable and has the
 * columns an import needs, the merchant id and variant count are sane. Needs no database,
 * so the CLI runs it before the application starts; the template set is checked against
 * the merchant's own sets and the library once the database is there.
 */
public final class RunRequestCheck {

	public static final int MAX_VARIANTS = 16;

	private RunRequestCheck() {
	}

	/**
	 * @throws InvalidRunRequestException naming the first problem found
	 */
	public static void check(RunRequest request) {
		if (request.variants() != null && (request.variants() < 1 || request.variants() > MAX_VARIANTS)) {
			throw new InvalidRunRequestException(
					"variants must be from 1 to " + MAX_VARIANTS + ", was " + request.variants());
		}
		try {
			request.importRequest().check();
		}
		catch (InvalidImportRequestException ex) {
			throw new InvalidRunRequestException(ex.getMessage(), ex);
		}
	}

}
