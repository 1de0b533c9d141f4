package com.prompt2pixel.expand;

import com.prompt2pixel.templates.ProductFacts;

/**
 * A product row with the fields templates may use, its photo's checksum and its stated
 * size (null when none), both of which its scenes' pixels depend on.
 */
record ExpandableProduct(long id, ProductFacts facts, String imageSha256, Double sizeCm) {

}
