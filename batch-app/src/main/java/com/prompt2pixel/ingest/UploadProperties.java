package com.prompt2pixel.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long uploads are kept and how much room each merchant's may take (the upload's size
 * limits are read where each is checked).
 *
 * @param retention an uploaded catalog's folder is removed this long after its upload,
 * unless it is still needed
 * @param quota the most that one merchant's kept uploads may take on disk
 */
@ConfigurationProperties("p2p.upload")
public record UploadProperties(@DefaultValue("30d") Duration retention, @DefaultValue("10GB") DataSize quota) {

	public UploadProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("p2p.upload.retention must be positive, was " + retention);
		}
		if (quota.toBytes() <= 0) {
			throw new IllegalArgumentException("p2p.upload.quota must be positive, was " + quota);
		}
	}

}
