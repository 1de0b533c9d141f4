package com.prompt2pixel.generate;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How runs cut each product out of its photo ({@code p2p.matte.*}): the same methods as
 * {@code cutout --matte}.
 *
 * @param method {@code auto} (the default: the photo's own alpha when it has a meaningful
 * one, else the keyer), {@code alpha}, {@code keyer} or {@code model}
 * @param modelDir for {@code model}: the segmentation model's directory
 * @param device for {@code model}: {@code cpu} (the default), {@code cuda} or
 * {@code cuda:N}
 */
@ConfigurationProperties("p2p.matte")
public record MatteProperties(String method, Path modelDir, String device) {

	public MatteProperties {
		method = (method == null || method.isBlank()) ? "auto" : method.strip();
		device = (device == null || device.isBlank()) ? "cpu" : device.strip();
	}

}
