package com.prompt2pixel.ingest;

/**
 * When an import's bad rows fail it: more than a share of its rows, and more than a
 * number of rows, both at once. The share alone would fail a five-row catalog on one
 * typo; the number alone would let a million-row file with a broken column through.
 *
 * @param maxPercent the share of rows, 0 to 100
 * @param maxRows the number of rows
 */
record SkipLimit(int maxPercent, long maxRows) {

	/** Why the import must import nothing, or null when it may go ahead. */
	String rejection(long rows, long skipped) {
		if (skipped * 100 > rows * this.maxPercent && skipped > this.maxRows) {
			return skipped + " of " + rows + " rows have problems, more than the " + this.maxPercent + "% (and the "
					+ this.maxRows
					+ " rows) an import may skip; nothing was imported. The error report lists each problem";
		}
		return null;
	}

}
