package com.prompt2pixel.expand;

import com.prompt2pixel.templates.ProductFacts;

/**
 * A product row with the fields templates may use.
 */
record ExpandableProduct(long id, ProductFacts facts) {

}
