/**
 * Catalog readers: a merchant's catalog file in, validated product rows out.
 */
package com.prompt2pixel.connectors.catalog;
