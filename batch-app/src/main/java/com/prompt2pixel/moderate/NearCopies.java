package com.prompt2pixel.moderate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.models.checks.CheckResult;
import com.prompt2pixel.models.checks.ImageFingerprint;
import com.prompt2pixel.models.checks.NearDuplicateCheck;
import com.prompt2pixel.models.checks.NearDuplicateCheck.Compared;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The near-copy check of one run's images, against the run's other images and the
 * merchant's published ones ({@code render_task.image_phash}, {@code image_colours}). Two
 * images of one product in one scene are compared only when both came from a generative
 * model: the compositor's variants are the same cut-out on the same backdrop moved a
 * little by design, while a model's variants that come out alike mean the seed changed
 * nothing. A published image of the same product in the same scene is the one a new
 * render replaces, so it is left out too.
 *
 * <p>
 * The run's fingerprints are kept in memory as moderation goes (those a run's earlier
 * attempt wrote are read once), so the run's own images cost no query. The merchant's
 * published images are looked up through the index of each hash quarter: exact for
 * thresholds of up to 3 bits, the default; above that, a copy is found only where one
 * quarter is the same.
 */
class NearCopies {

	private final JdbcTemplate jdbc;

	private final NearDuplicateCheck check;

	private final long runId;

	/** The run's images already fingerprinted, by task; null until first needed. */
	private Map<Long, Fingerprinted> run;

	NearCopies(JdbcTemplate jdbc, NearDuplicateCheck check, long runId) {
		this.jdbc = jdbc;
		this.check = check;
		this.runId = runId;
	}

	/** One task's image as it is compared. */
	record Fingerprinted(long task, long product, String template, boolean generative, ImageFingerprint fingerprint) {

		/** Whether the two are variants the compositor made alike by design. */
		boolean variantsByDesign(Fingerprinted other) {
			return this.product == other.product && this.template.equals(other.template)
					&& !(this.generative && other.generative);
		}

	}

	/**
	 * Checks the image and remembers it for the run's next ones.
	 * @param merchant whose published images it is compared with
	 */
	CheckResult check(Fingerprinted image, String merchant) {
		if (this.run == null) {
			this.run = new LinkedHashMap<>();
			this.jdbc.query("""
					SELECT id, product_id, template_id, coalesce(generative, false), image_phash, image_colours
					FROM render_task WHERE run_id = ? AND image_phash IS NOT NULL ORDER BY id""", (rs) -> {
				Fingerprinted earlier = new Fingerprinted(rs.getLong(1), rs.getLong(2), rs.getString(3),
						rs.getBoolean(4), new ImageFingerprint(rs.getLong(5), rs.getBytes(6)));
				this.run.put(earlier.task(), earlier);
			}, this.runId);
		}
		// only the run's images within the threshold, and the closest (for the score),
		// are
		// handed to the check: a run of 100,000 images makes 5 billion comparisons
		List<Compared> others = new ArrayList<>();
		Fingerprinted closest = null;
		int closestDistance = Integer.MAX_VALUE;
		for (Fingerprinted earlier : this.run.values()) {
			if (earlier.task() == image.task() || earlier.variantsByDesign(image)) {
				continue;
			}
			int distance = image.fingerprint().hashDistance(earlier.fingerprint());
			if (distance <= this.check.maxHashDistance()) {
				others.add(compared(earlier));
			}
			else if (distance < closestDistance) {
				closest = earlier;
				closestDistance = distance;
			}
		}
		if (closest != null) {
			others.add(compared(closest));
		}
		others.addAll(published(image, merchant));
		this.run.put(image.task(), image);
		return this.check.check(image.fingerprint(), others);
	}

	private static Compared compared(Fingerprinted earlier) {
		return new Compared("task " + earlier.task() + " of this run", earlier.fingerprint());
	}

	/** The merchant's published images of other runs that may be near copies. */
	private List<Compared> published(Fingerprinted image, String merchant) {
		long hash = image.fingerprint().hash();
		return this.jdbc.query("""
				SELECT id, run_id, image_phash, image_colours FROM render_task
				WHERE image_phash IS NOT NULL AND merchant_id = ? AND state = 'PUBLISHED' AND run_id <> ?
				  AND NOT (product_id = ? AND template_id = ?)
				  AND (((image_phash >> 48) & 65535) = ? OR ((image_phash >> 32) & 65535) = ?
				       OR ((image_phash >> 16) & 65535) = ? OR (image_phash & 65535) = ?)
				ORDER BY id""",
				(rs, row) -> new Compared("published task " + rs.getLong(1) + " of run " + rs.getLong(2),
						new ImageFingerprint(rs.getLong(3), rs.getBytes(4))),
				merchant, this.runId, image.product(), image.template(), (hash >>> 48) & 0xFFFF, (hash >>> 32) & 0xFFFF,
				(hash >>> 16) & 0xFFFF, hash & 0xFFFF);
	}

}
