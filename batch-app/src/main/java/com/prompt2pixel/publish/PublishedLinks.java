package com.prompt2pixel.publish;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.prompt2pixel.connectors.publish.S3Publisher;
import com.prompt2pixel.publish.PublishTarget.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where an image was published, as the API shows it: per target its status, its link and,
 * when it failed, why. A presigned S3 link is signed afresh on each read, so the answer
 * never carries an expired one (signing is local: no request to the store).
 */
@Component
public class PublishedLinks {

	private static final Logger logger = LoggerFactory.getLogger(PublishedLinks.class);

	private final JdbcTemplate jdbc;

	private final PublishTargets targets;

	private final PublishProperties properties;

	PublishedLinks(JdbcTemplate jdbc, PublishTargets targets, PublishProperties properties) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.properties = properties;
	}

	/** The image's publications beyond the run's own folder, by target. */
	public Map<String, Map<String, Object>> of(long taskId, String merchantId) {
		Map<String, Map<String, Object>> links = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT destination, status, location, url, error FROM publication
				WHERE task_id = ? AND destination <> 'FOLDER' ORDER BY destination""", (rs) -> {
			String destination = rs.getString("destination");
			String status = rs.getString("status");
			Map<String, Object> link = new LinkedHashMap<>();
			link.put("status", status.toLowerCase(Locale.ROOT));
			String url = rs.getString("url");
			if ("S3".equals(destination) && "PUBLISHED".equals(status)) {
				url = s3Link(merchantId, rs.getString("location"), url);
			}
			link.put("url", "PUBLISHED".equals(status) ? url : null);
			if ("FAILED".equals(status)) {
				link.put("error", rs.getString("error"));
			}
			links.put(Kind.ofDestination(destination).label(), link);
		}, taskId);
		return links;
	}

	/**
	 * A public link as stored; a presigned one signed again for the target as it is now.
	 */
	private String s3Link(String merchantId, String location, String stored) {
		PublishTarget target = this.targets.list(merchantId)
			.stream()
			.filter((candidate) -> candidate.kind() == Kind.S3)
			.findFirst()
			.orElse(null);
		if (target == null || target.publicBaseUrl() != null) {
			return stored;
		}
		S3Publisher.Target bucket = S3Publisher.Target.parse(target.location(), null,
				this.properties.s3().linkLifetime());
		String prefix = "s3://" + bucket.bucket() + "/";
		if (!location.startsWith(prefix)) {
			// published to a bucket the target no longer names
			return stored;
		}
		try (S3Presigner presigner = this.properties.s3().connection(target.endpoint()).presigner()) {
			return S3Publisher.link(bucket, presigner, location.substring(prefix.length())).toString();
		}
		catch (RuntimeException ex) {
			// no credentials to sign with now: the link signed when it was published,
			// which
			// may have expired, rather than no metadata at all
			logger.warn("cannot sign a link to {}: {}", location, ex.getMessage());
			return stored;
		}
	}

}
