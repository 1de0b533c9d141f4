package com.prompt2pixel.run;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.ingest.CatalogImportService;
import com.prompt2pixel.ingest.ImportRequest;
import com.prompt2pixel.models.Png;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.Manifest;
import com.prompt2pixel.support.SampleCatalogs;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogImageJobFunctionalTests extends FunctionalTest {

	private static final int SCENES = 4;

	@Autowired
	CatalogRuns runs;

	@Autowired
	RunSummaries summaries;

	@Autowired
	ImageStore store;

	@Autowired
	CatalogImportService imports;

	@TempDir
	Path folder;

	@Test
	void shouldTakeACatalogThroughEveryStageToPublishedImagesAndAnInvoice() throws Exception {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 4);
		Path out = this.folder.resolve("out");

		RunSummary summary = this.runs.start(new RunRequest("acme", catalog, null, 2, out));

		int expected = 4 * SCENES * 2;
		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.products()).isEqualTo(4);
		assertThat(summary.images()).isEqualTo(expected);
		assertThat(summary.published()).isEqualTo(expected);
		assertThat(summary.invoiceTotal()).isEqualTo("1.28");
		assertThat(summary.currency()).isEqualTo("USD");
		assertThat(this.jdbc.queryForList("SELECT source_key FROM product WHERE merchant_id = 'acme' ORDER BY 1",
				String.class))
			.containsExactly("MUG-CLAY-01", "MUG-NAVY-03", "MUG-SAGE-02", "TEAPOT-04");
		assertThat(taskStates(summary.run())).containsExactly(Map.entry("PUBLISHED", (long) expected));
		assertThat(this.jdbc.queryForObject("SELECT count(DISTINCT seed) FROM render_task WHERE run_id = ?", Long.class,
				summary.run()))
			.isEqualTo(expected);
		assertThat(this.jdbc.queryForObject("SELECT bool_and(NOT generative) FROM render_task WHERE run_id = ?",
				Boolean.class, summary.run()))
			.isTrue();
		Manifest.of(out).assertEveryImageListedOnceWithItsChecksum(expected);
		assertThat(Manifest.of(out).files()).contains("MUG-CLAY-01/kitchen-dining-packshot-1.png",
				"TEAPOT-04/kitchen-dining-seasonal-2.png");
		assertBilledOncePerImage(summary.run(), expected, "1.28");
		assertThat(this.jdbc.queryForList(
				"SELECT DISTINCT template_set || ' ' || matched_rule FROM render_task WHERE run_id = ?", String.class,
				summary.run()))
			.containsExactly("kitchen-dining category=Kitchen");
	}

	@Test
	void shouldStoreTheProductMaskAndHowItWasCutBesideEachImageAndReuseThemWithTheImage() {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 1);

		RunSummary first = this.runs.start(new RunRequest("masked", catalog, null, 1, this.folder.resolve("a")));
		RunSummary again = this.runs.start(new RunRequest("masked", catalog, null, 1, this.folder.resolve("b")));

		List<Map<String, Object>> tasks = this.jdbc
			.queryForList("SELECT image_key, mask_key, matte_method, matte_confidence FROM render_task "
					+ "WHERE run_id = ? ORDER BY id", first.run());
		assertThat(tasks).hasSize(SCENES).allSatisfy((task) -> {
			assertThat(task.get("mask_key")).isNotNull();
			// the sample photos are opaque, on a plain backdrop: the keyer, sure of its
			// cut
			assertThat(task.get("matte_method")).isEqualTo("keyer");
			assertThat((Double) task.get("matte_confidence")).isGreaterThan(0.5);
		});
		String imageKey = (String) tasks.get(0).get("image_key");
		BufferedImage image = Png.decode(this.store.get(imageKey));
		BufferedImage mask = Png.decode(this.store.get((String) tasks.get(0).get("mask_key")));
		assertThat(mask.getWidth()).isEqualTo(image.getWidth());
		assertThat(mask.getHeight()).isEqualTo(image.getHeight());
		assertThat(mask.getRGB(2, 2) & 0xFFFFFF).as("the scene's corner").isZero();
		assertThat(mask.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xFFFFFF).as("the product's middle")
			.isEqualTo(0xFFFFFF);
		assertThat(again.cached()).isEqualTo(SCENES);
		assertThat(this.jdbc.queryForList("SELECT mask_key FROM render_task WHERE run_id = ? ORDER BY id", String.class,
				again.run()))
			.as("a reused image keeps its mask")
			.isEqualTo(tasks.stream().map((task) -> (String) task.get("mask_key")).toList());
		assertThat(this.jdbc.queryForList("SELECT matte_method FROM render_task WHERE run_id = ? ORDER BY id",
				String.class, again.run()))
			.as("and how it was cut")
			.containsOnly("keyer");
		assertThat(this.jdbc.queryForList("SELECT checks::text FROM render_task WHERE run_id = ? ORDER BY id",
				String.class, again.run()))
			.as("and what the checks found on it")
			.isEqualTo(this.jdbc.queryForList("SELECT checks::text FROM render_task WHERE run_id = ? ORDER BY id",
					String.class, first.run()))
			.doesNotContainNull();
		assertThat(again.checks()).as("its reused images carry their checks into its counts")
			.containsEntry("fidelity", Map.of("passed", (long) SCENES, "tripped", 0L, "not_run", 0L));
	}

	@Test
	void shouldDrawEachProductToTheSizeItsCatalogStatesAndDrawItAgainWhenTheSizeChanges() {
		String header = "sku,title,category,image,dimensions";
		Path catalog = SampleCatalogs.write(this.folder, header,
				List.of("MUG-BIG,Stoneware Mug,Kitchen,photos/mug-clay-01.png,H 40 cm",
						"MUG-SMALL,Stoneware Mug,Kitchen,photos/mug-clay-01.png,\"8 x 10 cm\""));

		RunSummary first = this.runs.start(new RunRequest("sized", catalog, null, 1, this.folder.resolve("a")));

		assertThat(first.status()).isEqualTo("COMPLETED");
		double big = maskHeight(first.run(), "MUG-BIG");
		double small = maskHeight(first.run(), "MUG-SMALL");
		assertThat(small / big).as("10 cm against 40 cm, the same photo and scene: a quarter, drawn at the least share")
			.isCloseTo(0.3, within(0.03));
		SampleCatalogs.write(this.folder, header,
				List.of("MUG-BIG,Stoneware Mug,Kitchen,photos/mug-clay-01.png,H 40 cm",
						"MUG-SMALL,Stoneware Mug,Kitchen,photos/mug-clay-01.png,H 20 cm"));
		RunSummary resized = this.runs.start(new RunRequest("sized", catalog, null, 1, this.folder.resolve("b")));
		assertThat(resized.cached()).as("only the resized product's scenes are drawn again").isEqualTo(SCENES);
		assertThat(maskHeight(resized.run(), "MUG-SMALL") / big).isCloseTo(0.5, within(0.03));
	}

	/** The height of the product's box in its first scene's mask, in pixels. */
	private double maskHeight(long run, String sku) {
		String maskKey = this.jdbc.queryForObject("""
				SELECT t.mask_key FROM render_task t JOIN product p ON p.id = t.product_id
				WHERE t.run_id = ? AND p.source_key = ? ORDER BY t.id LIMIT 1""", String.class, run, sku);
		BufferedImage mask = Png.decode(this.store.get(maskKey));
		int top = -1;
		int bottom = -1;
		for (int y = 0; y < mask.getHeight(); y++) {
			for (int x = 0; x < mask.getWidth(); x++) {
				if ((mask.getRGB(x, y) & 0xFF) >= 128) {
					top = (top < 0) ? y : top;
					bottom = y;
					break;
				}
			}
		}
		return bottom - top + 1;
	}

	@Test
	void shouldReportSkippedRowsAndKeepTheRunsCountsAfterALaterImport() {
		String header = "sku,title,description,image";
		Path catalog = SampleCatalogs.write(this.folder.resolve("first"), header,
				List.of("GOOD-1,Good mug,Fine,photos/mug-clay-01.png", "GOOD-2,Other mug,Fine,photos/mug-navy-03.png",
						"NO-TITLE,,Missing title,photos/mug-clay-01.png"));
		RunSummary summary = this.runs.start(new RunRequest("recount", catalog, null, 1, this.folder.resolve("out")));
		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.products()).isEqualTo(2);
		assertThat(summary.skipped()).isOne();
		assertThat(summary.errorReport()).endsWith("errors.csv");

		Path later = SampleCatalogs.write(this.folder.resolve("later"), header,
				List.of("GOOD-1,Good mug,Fine,photos/mug-clay-01.png"));
		assertThat(this.imports.start(new ImportRequest("recount", later, CatalogOptions.DETECT)).status())
			.isEqualTo("COMPLETED");

		RunSummary after = this.summaries.find(summary.run()).orElseThrow();
		assertThat(after.products()).as("the run's own products, not the merchant's last import's").isEqualTo(2);
		assertThat(after.skipped()).isOne();
		assertThat(after.published()).isEqualTo(summary.published());
	}

	@Test
	void shouldResumeARunThatFailedDuringGenerationWithEveryImageExactlyOnce() throws Exception {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 5);
		Path out = this.folder.resolve("out");
		int expected = 5 * SCENES;
		this.generator.failOnImage(11);

		RunSummary failed = this.runs.start(new RunRequest("run-resumer", catalog, null, 1, out));

		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.failure()).isEqualTo("failed in generateImagesStep: injected generator failure on image 11");
		assertThat(failed.images()).as("the first chunk of 8 committed before the failure").isEqualTo(8);
		assertThat(failed.invoiceTotal()).isNull();
		assertThat(out.resolve("manifest.csv")).doesNotExist();
		long renderedBeforeFailure = this.generator.rendered();

		RunSummary resumed = this.runs.resume(failed.run());

		assertThat(resumed.status()).isEqualTo("COMPLETED");
		assertThat(resumed.images()).isEqualTo(expected);
		assertThat(resumed.published()).isEqualTo(expected);
		assertThat(this.generator.rendered() - renderedBeforeFailure)
			.as("after the restart only the unfinished tasks were rendered")
			.isEqualTo(expected - 8);
		assertThat(this.jdbc.queryForList("""
				SELECT DISTINCT e.job_instance_id FROM batch_job_execution e
				JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE p.parameter_name = 'run.id' AND p.parameter_value = ?""", Long.class,
				String.valueOf(failed.run())))
			.as("the restart is the same job instance")
			.hasSize(1);
		Manifest.of(out).assertEveryImageListedOnceWithItsChecksum(expected);
		assertBilledOncePerImage(failed.run(), expected, "0.80");
	}

	@Test
	void shouldRefuseToResumeACompletedRun() {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 1);
		RunSummary done = this.runs.start(new RunRequest("done", catalog, null, 1, this.folder.resolve("o")));

		assertThatThrownBy(() -> this.runs.resume(done.run())).isInstanceOf(InvalidRunRequestException.class)
			.hasMessage("run " + done.run() + " is already complete");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM invoice WHERE run_id = ?", Long.class, done.run()))
			.isOne();
	}

	@Test
	void shouldHoldExactDuplicatesForReviewAndPublishOnlyTheFirst() {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 2);
		this.generator.sameImageForAll();

		RunSummary summary = this.runs.start(new RunRequest("dupes", catalog, null, 1, this.folder));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.published()).isOne();
		assertThat(summary.needsReview()).isEqualTo(7);
		long first = this.jdbc.queryForObject("SELECT min(id) FROM render_task WHERE run_id = ?", Long.class,
				summary.run());
		assertThat(this.jdbc.queryForList(
				"SELECT DISTINCT state_reason FROM render_task WHERE run_id = ? " + "AND state = 'NEEDS_REVIEW'",
				String.class, summary.run()))
			.containsExactly("exact duplicate of task " + first);
		assertThat(summary.images()).as("held images are still billed: they were generated").isEqualTo(8);
		assertThat(summary.invoiceTotal()).isEqualTo("0.32");
	}

	@Test
	void shouldHoldNearCopiesOfTheRunsImagesAndOfTheMerchantsPublishedOnes() {
		RunSummary first = this.runs.start(new RunRequest("near-copies",
				SampleCatalogs.firstProducts(this.folder.resolve("two"), 2), null, 2, this.folder.resolve("first")));
		assertThat(first.published()).as("the compositor's variants are alike by design: none is held").isEqualTo(16);
		assertThat(first.checks().get("near_duplicate")).containsEntry("passed", 16L);
		long original = this.jdbc.queryForObject(
				"SELECT min(id) FROM render_task WHERE run_id = ? AND state = 'PUBLISHED'", Long.class, first.run());
		this.generator.noisyCopiesOf(Png.decode(this.store
			.get(this.jdbc.queryForObject("SELECT image_key FROM render_task WHERE id = ?", String.class, original))));

		// a third product, each of its images a copy of the first product's, noise apart
		RunSummary second = this.runs.start(new RunRequest("near-copies",
				SampleCatalogs.firstProducts(this.folder.resolve("three"), 3), null, 2, this.folder.resolve("second")));

		List<Map<String, Object>> rendered = this.jdbc.queryForList("""
				SELECT state, state_reason FROM render_task WHERE run_id = ? AND state <> 'SKIPPED_CACHED'
				ORDER BY id""", second.run());
		assertThat(rendered).hasSize(8).allSatisfy((task) -> assertThat(task.get("state")).isEqualTo("NEEDS_REVIEW"));
		assertThat((String) rendered.get(0).get("state_reason"))
			.as("the first is a near copy of the published image, the next ones of it too")
			.startsWith("NEAR_DUPLICATE: a near copy of published task " + original + " of run " + first.run() + " (")
			.doesNotContain("exact duplicate");
		assertThat(rendered.subList(1, 8)).allSatisfy(
				(task) -> assertThat((String) task.get("state_reason")).startsWith("NEAR_DUPLICATE: a near copy of "));
		assertThat(second.checks().get("near_duplicate")).containsEntry("tripped", 8L);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM render_task WHERE run_id = ? AND image_phash IS NOT NULL AND image_colours IS NOT NULL",
				Long.class, second.run()))
			.as("every moderated image keeps its fingerprint")
			.isEqualTo(8);
	}

	@Test
	void shouldHoldNearBlankImagesForReviewWithTheReason() {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 2);
		this.generator.blankForPromptsContaining("dining table");

		RunSummary summary = this.runs.start(new RunRequest("blanks", catalog, null, 1, this.folder));

		assertThat(summary.needsReview()).isEqualTo(2);
		assertThat(summary.published()).isEqualTo(6);
		assertThat(this.jdbc.queryForList("SELECT state_reason FROM render_task WHERE run_id = ? "
				+ "AND template_id = 'kitchen-dining-seasonal'", String.class, summary.run()))
			.allSatisfy((reason) -> assertThat(reason).startsWith("near-uniform image: luminance standard deviation"));
	}

	@Test
	void shouldFailARunWhoseCatalogHasTooManyBadRowsAndImportNothing() {
		Path catalog = SampleCatalogs.write(this.folder, "sku,title,description,image",
				List.of("GOOD-1,Good mug,Fine,photos/mug-clay-01.png", "NO-TITLE,,Missing title,photos/mug-clay-01.png",
						"NO-PHOTO,Lost mug,Gone,photos/missing.png", "GOOD-1,Repeated,Again,photos/mug-clay-01.png",
						"NO-TITLE-2,,Missing title,photos/mug-clay-01.png",
						"NO-TITLE-3,,Missing title,photos/mug-clay-01.png",
						"NO-TITLE-4,,Missing title,photos/mug-clay-01.png",
						"NO-TITLE-5,,Missing title,photos/mug-clay-01.png"));

		RunSummary summary = this.runs.start(new RunRequest("skipper", catalog, null, 1, this.folder));

		assertThat(summary.status()).isEqualTo("FAILED");
		assertThat(summary.failure()).isEqualTo("failed in mergeCatalogStep: 7 of 8 rows have problems, more than "
				+ "the 10% (and the 5 rows) an import may skip; nothing was imported. The error report lists each problem");
		assertThat(summary.products()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM product WHERE merchant_id = 'skipper'", Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT rows_skipped FROM catalog_import WHERE run_id = ?", Integer.class,
				summary.run()))
			.isEqualTo(7);
	}

	@Test
	void shouldUpsertProductsOnASecondImportAndCountThemUnchanged() {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 3);
		this.runs.start(new RunRequest("repeat", catalog, null, 1, this.folder.resolve("a")));

		RunSummary second = this.runs.start(new RunRequest("repeat", catalog, null, 1, this.folder.resolve("b")));

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM product WHERE merchant_id = 'repeat'", Long.class))
			.isEqualTo(3);
		assertThat(this.jdbc.queryForMap(
				"SELECT products_new, products_changed, products_same FROM catalog_import WHERE run_id = ?",
				second.run()))
			.containsEntry("products_new", 0)
			.containsEntry("products_changed", 0)
			.containsEntry("products_same", 3);
	}

	@Test
	void shouldFetchEachPhotoOncePerRunAndRenderFromTheBytesItsCacheKeyHolds() throws Exception {
		byte[] vase = Files.readAllBytes(SampleCatalogs.SAMPLES.resolve("photos/vase-12.png"));
		byte[] lamp = Files.readAllBytes(SampleCatalogs.SAMPLES.resolve("photos/lamp-18.png"));
		AtomicInteger requests = new AtomicInteger();
		AtomicReference<byte[]> served = new AtomicReference<>(vase);
		HttpServer photos = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		photos.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			byte[] photo = served.get();
			exchange.sendResponseHeaders(200, photo.length);
			exchange.getResponseBody().write(photo);
			exchange.close();
		});
		photos.start();
		try {
			String url = "http://localhost:" + photos.getAddress().getPort() + "/vase.png";
			Path catalog = SampleCatalogs.write(this.folder, "sku,title,description,category,image",
					List.of("HERE-1,Mug,Fine,Kitchen,photos/mug-clay-01.png", "THERE-2,Vase,Fine,Kitchen," + url));

			RunSummary first = this.runs.start(new RunRequest("once", catalog, null, 1, this.folder.resolve("a")));

			assertThat(first.status()).isEqualTo("COMPLETED");
			assertThat(first.published()).isEqualTo(2 * SCENES);
			assertThat(requests).as("one request for the photo in the whole run").hasValue(1);

			// the same address now serves another photo: new checksum, new cache keys
			served.set(lamp);
			RunSummary second = this.runs.start(new RunRequest("once", catalog, null, 1, this.folder.resolve("b")));

			assertThat(requests).hasValue(2);
			assertThat(second.cached()).as("the unchanged mug's scenes").isEqualTo(SCENES);
			assertThat(second.images()).as("the vase rendered again from its new photo").isEqualTo(SCENES);
		}
		finally {
			photos.stop(0);
		}
	}

	@Test
	void shouldFetchAChunksPhotosAtOnceUpToTheBound() throws Exception {
		byte[] vase = Files.readAllBytes(SampleCatalogs.SAMPLES.resolve("photos/vase-12.png"));
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		HttpServer photos = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		photos.setExecutor(Executors.newFixedThreadPool(16));
		photos.createContext("/", (exchange) -> {
			mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			try {
				// a slow photo server: fetched one after another, 12 photos would take 3
				// s
				Thread.sleep(250);
				exchange.sendResponseHeaders(200, vase.length);
				exchange.getResponseBody().write(vase);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				inFlight.decrementAndGet();
				exchange.close();
			}
		});
		photos.start();
		try {
			String base = "http://localhost:" + photos.getAddress().getPort() + "/";
			Path catalog = SampleCatalogs.write(this.folder, "sku,title,description,category,image",
					IntStream.rangeClosed(1, 12)
						.mapToObj((i) -> "SLOW-" + i + ",Vase " + i + ",Fine,Kitchen," + base + i + ".png")
						.toList());

			RunSummary summary = this.runs.start(new RunRequest("slow-photos", catalog, null, 1, this.folder));

			assertThat(summary.status()).isEqualTo("COMPLETED");
			assertThat(summary.products()).isEqualTo(12);
			assertThat(mostAtOnce.get()).as("fetched at once, at most p2p.photos.parallel-fetches (8)").isBetween(2, 8);
		}
		finally {
			photos.stop(0);
		}
	}

	@Test
	void shouldReportATruncatedPhotoAtImportAndRenderTheOtherProducts() throws Exception {
		Path catalog = SampleCatalogs.write(this.folder, "sku,title,description,category,image",
				List.of("HERE-1,Mug,Fine,Kitchen,photos/mug-clay-01.png", "CUT-2,Vase,Cut,Kitchen,photos/cut.png"));
		byte[] photo = Files.readAllBytes(SampleCatalogs.SAMPLES.resolve("photos/vase-12.png"));
		Files.write(this.folder.resolve("photos/cut.png"), Arrays.copyOf(photo, photo.length / 2));

		RunSummary summary = this.runs.start(new RunRequest("cut", catalog, null, 1, this.folder));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.products()).isOne();
		assertThat(summary.published()).isEqualTo(SCENES);
		assertThat(summary.skipped()).isOne();
		assertThat(Files.readAllLines(Path.of(summary.errorReport())).get(1))
			.startsWith("3,image,not a readable image");
	}

	@Test
	void shouldWarnOfAPhotoTheCutOutWillStruggleWithAndRenderItAllTheSame() throws Exception {
		Path catalog = SampleCatalogs.write(this.folder, "sku,title,description,category,image",
				List.of("RED-1,Mug,Fine,Kitchen,photos/mug-clay-01.png", "WHITE-2,Mug,White,Kitchen,photos/white.png"));
		// a white mug on white, lit from the left: its lit side is a level or two off
		// white
		BufferedImage white = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = white.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 400, 400);
		g.setPaint(new GradientPaint(120, 0, new Color(0xFDFDFC), 280, 0, new Color(0xCFCFCE)));
		g.fillRoundRect(120, 110, 160, 200, 20, 20);
		g.dispose();
		ImageIO.write(white, "png", this.folder.resolve("photos/white.png").toFile());

		RunSummary summary = this.runs.start(new RunRequest("white", catalog, null, 1, this.folder));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.products()).as("a warning skips nothing").isEqualTo(2);
		assertThat(summary.skipped()).isZero();
		assertThat(Files.readAllLines(Path.of(summary.errorReport())).subList(1, 2)).singleElement()
			.asString()
			.startsWith("3,image,warning: the product may not be cut out cleanly (keyer confidence 0.");
		assertThat(
				this.jdbc.queryForList(
						"SELECT source_key || ' ' || matte_method || ' ' || (matte_confidence >= 0.5) "
								+ "FROM product WHERE source_key IN ('RED-1', 'WHITE-2') ORDER BY source_key",
						String.class))
			.containsExactly("RED-1 keyer true", "WHITE-2 keyer false");
		// moderation holds the unsure cut for a person, with the check's score kept
		assertThat(this.jdbc.queryForList("""
				SELECT p.source_key || ' ' || t.state || ' ' || coalesce(t.state_reason, '-')
				FROM render_task t JOIN product p ON p.id = t.product_id WHERE t.run_id = ? ORDER BY t.id""",
				String.class, summary.run()))
			.hasSize(8)
			.allSatisfy((task) -> assertThat(task).satisfiesAnyOf((t) -> assertThat(t).isEqualTo("RED-1 PUBLISHED -"),
					(t) -> assertThat(t)
						.startsWith("WHITE-2 NEEDS_REVIEW CUTOUT_SUSPECT: the cut-out's confidence 0.")));
		assertThat(summary.needsReview()).isEqualTo(4);
		assertThat(summary.checks()).as("per check: passed, tripped, not run")
			.containsEntry("cutout", Map.of("passed", 4L, "tripped", 4L, "not_run", 0L))
			.containsEntry("fidelity", Map.of("passed", 8L, "tripped", 0L, "not_run", 0L))
			.containsEntry("safety", Map.of("passed", 0L, "tripped", 0L, "not_run", 8L));
		assertThat(this.jdbc.queryForList("""
				SELECT p.source_key || ' ' || (t.checks -> 'fidelity' ->> 'ran') || ' '
				       || ((t.checks -> 'fidelity' ->> 'score')::float > 0.9) || ' '
				       || (t.checks -> 'cutout' ->> 'score') || ' ' || (t.checks -> 'safety' ->> 'ran')
				FROM render_task t JOIN product p ON p.id = t.product_id WHERE t.run_id = ? ORDER BY t.id""",
				String.class, summary.run()))
			.as("the product matches its photo in every image; the cut's score is the matte's confidence; no "
					+ "classifier ran")
			.allSatisfy((checks) -> assertThat(checks)
				.matches("(RED-1 true true (1\\.0|0\\.[5-9]\\d*)|WHITE-2 true true 0\\.[0-4]\\d*) false"));
	}

	@Test
	void shouldFailOnlyTheTaskWhoseInputTheGeneratorRefusesNotItsChunk() {
		Path catalog = SampleCatalogs.firstProducts(this.folder, 2);
		this.generator.refusePromptsContaining("festive dinner");

		RunSummary summary = this.runs.start(new RunRequest("refused", catalog, null, 1, this.folder));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.failed()).isPositive().isLessThan(2 * SCENES);
		assertThat(summary.published() + summary.failed()).isEqualTo(2 * SCENES);
		assertThat(this.jdbc.queryForList(
				"SELECT DISTINCT state_reason FROM render_task WHERE run_id = ? " + "AND state = 'FAILED'",
				String.class, summary.run()))
			.containsExactly("cannot be rendered: injected refusal of a prompt containing 'festive dinner'");
	}

	@Test
	void shouldFetchNoPhotoFromTheServersOwnAddressesOrTheCloudMetadataService() throws Exception {
		AtomicInteger requests = new AtomicInteger();
		HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		internal.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + exchange.getLocalAddress().getPort());
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		internal.start();
		try {
			int port = internal.getAddress().getPort();
			Path catalog = SampleCatalogs.write(this.folder, "sku,title,description,image",
					List.of("HERE-1,Mug,Fine,photos/mug-clay-01.png",
							"SELF-2,Vase,Self,http://127.0.0.1:" + port + "/actuator/env",
							"META-3,Lamp,Meta,http://169.254.169.254/latest/meta-data/iam/",
							"BACK-4,Bowl,Back,http://localhost:" + port + "/redirects-to-127.0.0.1"));

			RunSummary summary = this.runs.start(new RunRequest("probe", catalog, null, 1, this.folder));

			assertThat(summary.status()).as(summary.failure()).isEqualTo("COMPLETED");
			assertThat(summary.products()).isOne();
			String refused = " is a local or private address, which is not fetched "
					+ "(p2p.photos.allowed-hosts admits an intranet host)";
			assertThat(Files.readAllLines(Path.of(summary.errorReport()))).containsExactlyInAnyOrder(
					"row,column,problem", "3,image,\"image host 127.0.0.1" + refused + "\"",
					"4,image,\"image host 169.254.169.254" + refused + "\"",
					"5,image,\"image host 127.0.0.1" + refused + "\"");
			assertThat(requests).as("only the admitted name, whose redirect was refused").hasValue(1);
		}
		finally {
			internal.stop(0);
		}
	}

	@Test
	void shouldSkipARowWhosePhotoCannotBeFetchedAtImport() throws Exception {
		HttpServer photos = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		photos.createContext("/", (exchange) -> {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		photos.start();
		try {
			String url = "http://localhost:" + photos.getAddress().getPort() + "/gone.png";
			Path catalog = SampleCatalogs.write(this.folder, "sku,title,description,image",
					List.of("HERE-1,Mug,Fine,photos/mug-clay-01.png", "GONE-2,Vase,Gone," + url));

			RunSummary summary = this.runs.start(new RunRequest("unreachable", catalog, null, 1, this.folder));

			assertThat(summary.products()).isOne();
			assertThat(this.jdbc.queryForObject("SELECT rows_skipped FROM catalog_import WHERE run_id = ?",
					Integer.class, summary.run()))
				.isOne();
		}
		finally {
			photos.stop(0);
		}
	}

	private Map<String, Long> taskStates(long runId) {
		return this.jdbc
			.query("SELECT state, count(*) FROM render_task WHERE run_id = ? GROUP BY state",
					(rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)), runId)
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private void assertBilledOncePerImage(long runId, int images, String total) {
		List<Long> counts = this.jdbc.queryForObject(
				"SELECT count(*), count(DISTINCT task_id) FROM usage_event WHERE run_id = ?",
				(rs, row) -> List.of(rs.getLong(1), rs.getLong(2)), runId);
		assertThat(counts).as("usage events, distinct tasks").containsExactly((long) images, (long) images);
		assertThat(this.jdbc.queryForObject("SELECT total FROM invoice WHERE run_id = ?", BigDecimal.class, runId))
			.isEqualByComparingTo(total);
		assertThat(this.jdbc.queryForMap("""
				SELECT sum(l.quantity) AS quantity, sum(l.amount) AS amount
				FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE i.run_id = ?""", runId))
			.satisfies((line) -> {
				assertThat(((Number) line.get("quantity")).longValue()).isEqualTo(images);
				assertThat((BigDecimal) line.get("amount")).isEqualByComparingTo(total);
			});
	}

}
