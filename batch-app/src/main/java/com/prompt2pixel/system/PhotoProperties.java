package com.prompt2pixel.system;

import java.nio.file.Path;
import java.util.List;

import com.prompt2pixel.connectors.images.PhotoHosts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where product photos may come from.
 *
 * @param allowedHosts host names or CIDR ranges photos may be fetched from besides the
 * public internet (an intranet image server); empty: public addresses only
 * @param localRoot the folder inside which the local CLI's catalogs may name photo files
 * ({@code /}: anywhere the process may read); uploads, inbox files and Shopify imports
 * are held to their own folder whatever this says
 * @param parallelFetches photos a run's photo check fetches at once, so that a few slow
 * addresses do not hold up the others
 */
@Validated
@ConfigurationProperties("p2p.photos")
public record PhotoProperties(List<String> allowedHosts, @NotNull String localRoot,
		@DefaultValue("8") @Min(1) @Max(64) int parallelFetches) {

	public PhotoProperties {
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
	}

	/**
	 * The local root as a path. Bound as text: Spring's conversion to {@code Path} reads
	 * {@code /} as the root of the class path.
	 */
	public Path localRootPath() {
		return Path.of(this.localRoot).toAbsolutePath().normalize();
	}

	/** The hosts photos may be fetched from. */
	PhotoHosts hosts() {
		return PhotoHosts.allowing(this.allowedHosts);
	}

}
