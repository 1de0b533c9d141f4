/**
 * Publication destinations. For now a local folder with a manifest.
 */
package com.prompt2pixel.connectors.publish;
