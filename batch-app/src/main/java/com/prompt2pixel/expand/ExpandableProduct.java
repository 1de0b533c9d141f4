package com.prompt2pixel.expand;

import com.prompt2pixel.templates.ProductFacts;

/**
 * A product row with the fields templates may use and its photo's checksum.
 */
record ExpandableProduct(long id, ProductFacts facts, String imageSha256) {

}
