package com.prompt2pixel.ingest;

/**
 * When a whole-catalog import may not mark products removed without a person's word: more
 * than a share of the merchant's products, and more than a number of them, both at once
 * (so that a small shop may drop a product or two). A one-row upload that would take all
 * twenty of a merchant's products off its pages waits instead.
 *
 * @param maxPercent the share of the merchant's products, 0 to 100
 * @param maxProducts the number of products
 */
record RemovalLimit(int maxPercent, long maxProducts) {

	/** Why the removals need confirming, or null when they may go ahead. */
	String refusal(long importId, long removed, long live) {
		if (removed * 100 > live * this.maxPercent && removed > this.maxProducts) {
			return "the catalog lacks " + removed + " of the merchant's " + live + " products, more than the "
					+ this.maxPercent + "% (and the " + this.maxProducts + " products) an import may mark removed; "
					+ "nothing was changed. If that is meant, confirm it: resume-import --import " + importId
					+ " --confirm-removals";
		}
		return null;
	}

}
