/**
 * Where product photos come from: files beside the catalog, or HTTP(S) URLs.
 */
package com.prompt2pixel.connectors.images;
