package com.prompt2pixel.moderate;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.prompt2pixel.connectors.images.ProductImageException;
import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.models.ImageInspector;
import com.prompt2pixel.models.Matte;
import com.prompt2pixel.models.Pixels;
import com.prompt2pixel.models.Png;
import com.prompt2pixel.models.ProductMatte;
import com.prompt2pixel.models.checks.CheckResult;
import com.prompt2pixel.models.checks.CutoutCheck;
import com.prompt2pixel.models.checks.ImageFingerprint;
import com.prompt2pixel.models.checks.NearDuplicateCheck;
import com.prompt2pixel.models.checks.ProductFidelityCheck;
import com.prompt2pixel.models.checks.QualityCheck;
import com.prompt2pixel.models.checks.SafetyCheck;
import com.prompt2pixel.system.ProductPhotos;
import com.prompt2pixel.task.RenderTask;
import com.prompt2pixel.task.TaskStateUpdates.Fingerprint;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the automatic checks on a task's stored image: near-uniform, an earlier task of
 * the same run with byte-identical output, and the checks of {@code models/checks} (the
 * product against its photo, the cut-out, sharpness and exposure, near copies within the
 * run and of the merchant's published images), each with its score kept for the reviewer,
 * and the safety check when a classifier is configured (without one it is recorded as not
 * run, never as passed).
 */
class ModerationProcessor implements ItemProcessor<RenderTask, ModerationVerdict> {

	/** Consecutive tasks share products (every scene and variant of one). */
	private static final int CACHED_PRODUCTS = 8;

	private final ImageStore store;

	private final ImageInspector inspector;

	private final JdbcTemplate jdbc;

	private final ProductPhotos photos;

	private final ProductMatte matte;

	private final ProductFidelityCheck fidelity;

	private final CutoutCheck cutout;

	private final QualityCheck quality;

	private final SafetyCheck safety;

	private final JsonMapper json;

	/** The run's merchant's, read once for the step. */
	private final ReviewPolicy policy;

	private final NearCopies nearCopies;

	private final Map<String, Reference> references = new LinkedHashMap<>(CACHED_PRODUCTS, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Reference> eldest) {
			return size() > CACHED_PRODUCTS;
		}

	};

	ModerationProcessor(long runId, ImageStore store, JdbcTemplate jdbc, ProductPhotos photos, ProductMatte matte,
			ModerationProperties properties, SafetyCheck safety, JsonMapper json, ReviewPolicy policy) {
		this.safety = safety;
		this.policy = policy;
		this.store = store;
		this.jdbc = jdbc;
		this.photos = photos;
		this.matte = matte;
		this.json = json;
		this.inspector = new ImageInspector(properties.minLuminanceStdDev());
		ModerationProperties.Fidelity fidelity = properties.fidelity();
		this.fidelity = new ProductFidelityCheck(fidelity.minCoverage(), fidelity.maxAspectChange(),
				fidelity.maxColourDifference());
		ModerationProperties.Cutout cutout = properties.cutout();
		this.cutout = new CutoutCheck(cutout.minConfidence(), cutout.minShare(), cutout.maxShare(),
				cutout.maxHaloShare());
		this.quality = new QualityCheck(properties.quality().minSharpness(), properties.quality().maxClippedShare());
		this.nearCopies = new NearCopies(jdbc, new NearDuplicateCheck(properties.nearDuplicate().maxHashDistance(),
				properties.nearDuplicate().maxColourDistance()), runId);
	}

	@Override
	public ModerationVerdict process(RenderTask task) {
		List<String> problems = new ArrayList<>();
		List<CheckResult> results = new ArrayList<>();
		BufferedImage image = null;
		try {
			// once into integers: each of the checks below reads every pixel
			image = Pixels.intRgb(Png.decode(this.store.get(task.imageKey())));
		}
		catch (IllegalArgumentException ex) {
			problems.add("unreadable image: " + ex.getMessage());
		}
		ImageFingerprint fingerprint = null;
		if (image != null) {
			problems.addAll(this.inspector.inspect(image).problems());
			Placed placed = placed(task);
			results.addAll(productChecks(placed, image));
			results.add(this.safety.check(image));
			fingerprint = ImageFingerprint.of(image);
			results.add(this.nearCopies.check(new NearCopies.Fingerprinted(task.id(), task.productId(),
					task.templateId(), placed.generative(), fingerprint), placed.merchant()));
		}
		else {
			results.add(CheckResult.notRun(SafetyCheck.NAME, SafetyCheck.FLAG, "the image could not be read"));
			results.add(CheckResult.notRun(NearDuplicateCheck.NAME, NearDuplicateCheck.FLAG,
					"the image could not be read"));
		}
		Long original = this.jdbc.queryForObject(
				"SELECT min(id) FROM render_task WHERE run_id = ? AND image_sha256 = ? AND id < ?", Long.class,
				task.runId(), task.imageSha256(), task.id());
		if (original != null) {
			problems.add("exact duplicate of task " + original);
		}
		for (CheckResult result : results) {
			// a byte copy is held as one; that it is also a near copy would say it again
			boolean repeats = original != null && result.check().equals(NearDuplicateCheck.NAME);
			if (result.tripped() && !repeats) {
				result.problems().forEach((problem) -> problems.add(result.flag() + ": " + problem));
			}
		}
		if (problems.isEmpty()) {
			String held = this.policy.holdPassing(task.id());
			if (held != null) {
				problems.add(held);
			}
		}
		return new ModerationVerdict(task.id(), List.copyOf(problems), scores(results),
				(fingerprint == null) ? null : new Fingerprint(fingerprint.hash(), fingerprint.colours()));
	}

	private Placed placed(RenderTask task) {
		return this.jdbc.queryForObject("""
				SELECT t.mask_key, t.matte_confidence, t.merchant_id, p.image_sha256, p.image_url,
				       coalesce(t.generative, false)
				FROM render_task t LEFT JOIN product p ON p.id = t.product_id WHERE t.id = ?""",
				(rs, row) -> new Placed(rs.getString(1), rs.getObject(2, Double.class), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getBoolean(6)),
				task.id());
	}

	/** The checks that read the product: its mask, its photo, the matte's confidence. */
	private List<CheckResult> productChecks(Placed placed, BufferedImage image) {
		byte[] mask = (placed.maskKey() == null) ? null : mask(placed.maskKey(), image);
		List<CheckResult> results = new ArrayList<>();
		if (mask == null) {
			String why = (placed.maskKey() == null) ? "no product was placed in the image"
					: "the product's mask is not the image's size";
			results.add(CheckResult.notRun(ProductFidelityCheck.NAME, ProductFidelityCheck.FLAG, why));
			results.add(CheckResult.notRun(CutoutCheck.NAME, CutoutCheck.FLAG, why));
		}
		else {
			results.add(fidelity(placed, image, mask));
			results.add(this.cutout.check(image, mask, placed.matteConfidence()));
		}
		results.add(this.quality.check(image, mask));
		return results;
	}

	private CheckResult fidelity(Placed placed, BufferedImage image, byte[] mask) {
		if (placed.photoSha256() == null) {
			return CheckResult.notRun(ProductFidelityCheck.NAME, ProductFidelityCheck.FLAG,
					"the product or its checked photo is gone from the catalog");
		}
		Reference reference = this.references.get(placed.photoSha256());
		if (reference == null) {
			try {
				BufferedImage photo = Png
					.decode(this.photos.stored(placed.merchant(), placed.photoSha256(), placed.photoUrl()));
				reference = new Reference(photo, this.matte.matte(photo));
			}
			catch (ProductImageException | IllegalArgumentException ex) {
				return CheckResult.notRun(ProductFidelityCheck.NAME, ProductFidelityCheck.FLAG,
						"the product's photo could not be read: " + ex.getMessage());
			}
			this.references.put(placed.photoSha256(), reference);
		}
		return this.fidelity.check(image, mask, reference.photo(), reference.matte());
	}

	/** The stored mask as one byte a pixel; null when it is not the image's size. */
	private byte[] mask(String key, BufferedImage image) {
		BufferedImage mask = Png.decode(this.store.get(key));
		int width = mask.getWidth();
		int height = mask.getHeight();
		if (width != image.getWidth() || height != image.getHeight()) {
			return null;
		}
		byte[] values = new byte[width * height];
		if (mask.getType() == BufferedImage.TYPE_BYTE_GRAY) {
			mask.getRaster().getDataElements(0, 0, width, height, values);
			return values;
		}
		if (mask.getColorModel().getComponentSize(0) == 8) {
			// the masks are stored as grey in 8-bit RGB (and may be in grey): the first
			// band's samples, not getRGB's colour model pixel by pixel (a third of
			// moderation's time on a 1,040-image run)
			int[] samples = mask.getRaster().getSamples(0, 0, width, height, 0, (int[]) null);
			for (int i = 0; i < samples.length; i++) {
				values[i] = (byte) samples[i];
			}
			return values;
		}
		int[] rgb = mask.getRGB(0, 0, width, height, null, 0, width);
		for (int i = 0; i < rgb.length; i++) {
			values[i] = (byte) (rgb[i] & 0xFF);
		}
		return values;
	}

	/**
	 * Every check's score and problems, by name, as {@code render_task.checks} holds
	 * them.
	 */
	private String scores(List<CheckResult> results) {
		Map<String, Object> checks = new LinkedHashMap<>();
		for (CheckResult result : results) {
			Map<String, Object> found = new LinkedHashMap<>();
			found.put("ran", result.ran());
			found.put("score", result.score());
			found.put("flag", result.flag());
			found.put("problems", result.problems());
			checks.put(result.check(), found);
		}
		return this.json.writeValueAsString(checks);
	}

	private record Placed(String maskKey, Double matteConfidence, String merchant, String photoSha256, String photoUrl,
			boolean generative) {
	}

	private record Reference(BufferedImage photo, Matte matte) {
	}

}
