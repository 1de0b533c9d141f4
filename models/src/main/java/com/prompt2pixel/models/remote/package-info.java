/**
 * Remote inference backends behind {@link com.prompt2pixel.models.ImageGenerator}: an
 * AUTOMATIC1111/Forge server and an OpenAI-compatible images API, over HTTP with timeouts
 * and retries.
 */
package com.prompt2pixel.models.remote;
