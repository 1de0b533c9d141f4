/**
 * Where generated images are kept between generation and publication.
 */
package com.prompt2pixel.connectors.store;
