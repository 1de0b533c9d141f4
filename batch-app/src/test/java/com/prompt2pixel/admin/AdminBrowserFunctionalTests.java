package com.prompt2pixel.admin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.ingest.CatalogImportService;
import com.prompt2pixel.ingest.ImportRequest;
import com.prompt2pixel.moderate.ReviewPolicies;
import com.prompt2pixel.moderate.ReviewPolicy;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.security.StaffRole;
import com.prompt2pixel.support.Chromium;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.webhook.WebhookOutbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web admin in a real headless Chromium, as staff use it: an operator signs in,
 * starts a run from a catalog import and watches its progress reach COMPLETED on the
 * run's page (the live part changes without a reload), looks at the gallery and one image
 * large; stops a running run and resumes it; a reviewer sees no settings and no controls.
 * Each test saves screenshots under {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserFunctionalTests extends FunctionalTest {

	private static final String MERCHANT = "admin-browser";

	/**
	 * Each test's own merchant: the images of another test's merchant would be reused
	 * from the cache, not rendered.
	 */
	private String merchant;

	@LocalServerPort
	int port;

	@Autowired
	CatalogImportService imports;

	@Autowired
	ReviewPolicies reviewPolicies;

	@Autowired
	CatalogRuns runs;

	@Autowired
	WebhookOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@TempDir
	Path folder;

	private ChromeDriver chrome;

	private long catalogImport;

	@BeforeAll
	void browser() {
		this.chrome = Chromium.start();
	}

	@AfterAll
	void closeBrowser() {
		if (this.chrome != null) {
			this.chrome.quit();
		}
	}

	@BeforeEach
	void aCatalogAndNoSession() {
		retireSubmittedRuns();
		Path catalog = SampleCatalogs.firstProducts(this.folder, 2);
		this.merchant = MERCHANT + "-" + System.nanoTime();
		this.catalogImport = this.imports.start(new ImportRequest(this.merchant, catalog, CatalogOptions.DETECT)).id();
		this.chrome.manage().deleteAllCookies();
	}

	@Test
	void shouldStartARunAndWatchItCompleteWithItsGallery() {
		signIn(staff(StaffRole.OPERATOR));
		assertThat(this.chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
		waitFor(By.cssSelector(".figures .updated"));

		startRun("on-demand", 1);
		long run = Long.parseLong(this.chrome.findElement(By.cssSelector("h1 > span")).getText());
		waitForStatus("COMPLETED", Duration.ofSeconds(90));
		assertThat(this.chrome.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuenow"))
			.isEqualTo(this.chrome.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuemax"));

		this.chrome.navigate().refresh();
		List<WebElement> thumbnails = this.chrome.findElements(By.cssSelector(".gallery img"));
		long images = this.jdbc.queryForObject(
				"SELECT count(*) FROM render_task WHERE run_id = ? AND image_key IS NOT NULL", Long.class, run);
		assertThat(thumbnails).hasSize((int) Math.min(images, RunPagesController.IMAGES_PER_PAGE));
		new WebDriverWait(this.chrome, Duration.ofSeconds(20)).until((driver) -> thumbnails.stream()
			.allMatch((img) -> Boolean.TRUE.equals(
					this.chrome.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img))));
		Chromium.screenshot(this.chrome, "run-gallery");

		thumbnails.get(0).click();
		waitFor(By.cssSelector(".large img"));
		assertThat(this.chrome.findElement(By.cssSelector("dl.facts")).getText()).contains("Seed")
			.contains("Prompt")
			.contains(this.merchant);
		Chromium.screenshot(this.chrome, "image");

		this.chrome.get(url("/"));
		waitFor(By.cssSelector(".figures .updated"));
		new WebDriverWait(this.chrome, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> !driver.findElement(By.cssSelector(".state-completed strong")).getText().equals("0"));
		Chromium.screenshot(this.chrome, "dashboard");

		// down to a tablet: nothing wider than the window
		this.chrome.manage().window().setSize(new Dimension(820, 1180));
		try {
			this.chrome.get(url("/runs/" + run));
			assertThat((Boolean) this.chrome
				.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
				.as("no sideways scrolling on a tablet")
				.isTrue();
			Chromium.screenshot(this.chrome, "run-tablet");
		}
		finally {
			this.chrome.manage().window().setSize(new Dimension(1280, 1000));
		}
	}

	@Test
	void shouldMakeAnImageInTheStudioAndAgainWithANewSeed() {
		signIn(staff(StaffRole.OPERATOR));
		this.chrome.get(url("/studio"));
		new Select(this.chrome.findElement(By.id("merchant"))).selectByValue(this.merchant);
		this.chrome.findElement(By.id("q")).sendKeys("mug");
		this.chrome.findElement(By.xpath("//button[text()='Find']")).click();
		waitFor(By.cssSelector(".products a")).click();
		WebElement prompt = waitFor(By.id("prompt"));
		assertThat(prompt.getAttribute("value")).as("the scene's prompt, rendered for the product").contains("Mug");
		// another scene: its own prompt comes in place, without a reload
		Select scene = new Select(this.chrome.findElement(By.id("scene")));
		String firstScene = scene.getFirstSelectedOption().getAttribute("value");
		String other = scene.getOptions().get(1).getAttribute("value");
		scene.selectByValue(other);
		new WebDriverWait(this.chrome, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> other
				.equals(new Select(driver.findElement(By.id("scene"))).getFirstSelectedOption().getAttribute("value"))
					&& !driver.findElement(By.id("prompt")).getAttribute("value").isEmpty());
		assertThat(firstScene).isNotEqualTo(other);
		this.chrome.findElement(By.id("seed")).sendKeys("41");
		Chromium.screenshot(this.chrome, "studio");
		this.chrome.findElement(By.id("generate")).click();

		waitFor(By.cssSelector("[data-testid=generation-status]"));
		new WebDriverWait(this.chrome, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> !driver.findElements(By.cssSelector("#images .gallery img")).isEmpty()
					&& Boolean.TRUE.equals(this.chrome
						.executeScript("return document.querySelector('#images .gallery img').naturalWidth > 0")));
		long first = Long.parseLong(this.chrome.findElement(By.cssSelector("h1 > span")).getText());
		assertThat(this.jdbc.queryForObject("SELECT seed FROM render_task WHERE run_id = ?", Long.class, first))
			.isEqualTo(41L);
		Chromium.screenshot(this.chrome, "generation");

		this.chrome.findElement(By.id("again")).click();
		new WebDriverWait(this.chrome, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> !driver.findElement(By.cssSelector("h1 > span")).getText().equals(Long.toString(first)));
		long again = Long.parseLong(this.chrome.findElement(By.cssSelector("h1 > span")).getText());
		assertThat(
				this.jdbc.queryForObject("SELECT template_id FROM render_task WHERE run_id = ?", String.class, again))
			.as("the same scene")
			.isEqualTo(other);
		assertThat(this.jdbc.queryForObject("SELECT seed FROM render_task WHERE run_id = ?", Long.class, again))
			.as("a new seed")
			.isNotEqualTo(41L);

		// a photo that is in no catalog, dropped with a title
		this.chrome.get(url("/studio?merchant=" + this.merchant));
		this.chrome.findElement(By.id("photo"))
			.sendKeys(SampleCatalogs.SAMPLES.resolve("photos/teapot-04.png").toAbsolutePath().toString());
		this.chrome.findElement(By.id("photo-title-field")).sendKeys("Cast Iron Teapot");
		this.chrome.findElement(By.id("generate-photo")).click();
		new WebDriverWait(this.chrome, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> "COMPLETED"
				.equals(driver.findElement(By.cssSelector("[data-testid=generation-status]")).getText()));
		assertThat(this.chrome.findElements(By.cssSelector("#images .gallery img"))).as("every scene of its set")
			.hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void shouldUploadAZipCatalogAndShowItsReportAndProducts() throws Exception {
		// two products with their photos, and a row without a title, which is skipped
		List<String> lines = Files.readAllLines(SampleCatalogs.SAMPLES.resolve("catalog.csv"));
		Path zip = this.folder.resolve("shop-catalog.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("catalog.csv"));
			String skipped = lines.get(3).replaceFirst(",[^,]*,", ",,");
			out.write(String.join("\n", lines.get(0), lines.get(1), lines.get(2), skipped)
				.getBytes(StandardCharsets.UTF_8));
			for (String line : lines.subList(1, 4)) {
				String photo = line.substring(line.lastIndexOf(',') + 1);
				out.putNextEntry(new ZipEntry(photo));
				out.write(Files.readAllBytes(SampleCatalogs.SAMPLES.resolve(photo)));
			}
		}
		signIn(staff(StaffRole.OPERATOR));
		this.chrome.get(url("/catalogs?merchant=" + this.merchant));
		this.chrome.findElement(By.id("file")).sendKeys(zip.toAbsolutePath().toString());
		this.chrome.findElement(By.id("upload")).click();
		new WebDriverWait(this.chrome, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> "COMPLETED"
				.equals(driver.findElement(By.cssSelector("[data-testid=import-status]")).getText()));
		assertThat(this.chrome.findElement(By.cssSelector("[data-testid=rows]")).getText()).isEqualTo("3");
		assertThat(this.chrome.findElement(By.cssSelector("[data-testid=skipped]")).getText()).isEqualTo("1");
		assertThat(this.chrome.findElement(By.linkText("errors.csv")).isDisplayed()).isTrue();
		Chromium.screenshot(this.chrome, "catalog-import");

		this.chrome.findElement(By.partialLinkText("Catalogs of")).click();
		assertThat(this.chrome.findElements(By.cssSelector(".products-table tbody tr"))).as("the merchant's products")
			.hasSizeGreaterThanOrEqualTo(2);

		// a file that is no catalog: the import's own words, beside the field
		Path bad = Files.writeString(this.folder.resolve("notes.csv"), "just one line without rows\n");
		this.chrome.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
		this.chrome.findElement(By.id("upload")).click();
		assertThat(waitFor(By.cssSelector(".drop .error")).getText()).contains("notes.csv");
	}

	@Test
	void shouldLetAReviewerApproveRejectAndRegenerateFromTheKeyboard() {
		// every image of this merchant is held for a person
		this.reviewPolicies.set(this.merchant, new ReviewPolicy(ReviewPolicy.Mode.ALL, 0), "test");
		long run = this.runs
			.start(new RunRequest(this.merchant, SampleCatalogs.firstProducts(this.folder.resolve("held"), 1), null, 1,
					this.folder.resolve("out")))
			.run();
		List<Long> held = this.jdbc.queryForList(
				"SELECT id FROM render_task WHERE run_id = ? AND state = 'NEEDS_REVIEW' ORDER BY updated_at, id",
				Long.class, run);
		assertThat(held).hasSizeGreaterThanOrEqualTo(3);

		signIn(staff(StaffRole.REVIEWER));
		this.chrome.get(url("/review?merchant=" + this.merchant));
		assertThat(this.chrome.findElements(By.cssSelector(".review-card"))).hasSize(held.size());
		assertThat(this.chrome.findElements(By.cssSelector(".review-card .pair img"))).as("each beside its photo")
			.hasSize(2 * held.size());
		Chromium.screenshot(this.chrome, "review");
		// the first card has the focus: A approves it, and the focus moves on
		this.chrome.switchTo().activeElement().sendKeys("a");
		awaitState(held.get(0), "PUBLISHED");
		assertThat(this.chrome.findElement(By.id("held-" + held.get(0))).getText()).contains("Approved and published");
		this.chrome.switchTo().activeElement().sendKeys("r");
		this.chrome.switchTo().activeElement().sendKeys("the handle is missing" + Keys.ENTER);
		awaitState(held.get(1), "REJECTED");
		this.chrome.switchTo().activeElement().sendKeys("g");
		awaitState(held.get(2), "REGENERATED");
		assertThat(this.jdbc.queryForObject("SELECT decided_by FROM review_decision WHERE task_id = ? LIMIT 1",
				String.class, held.get(1)))
			.startsWith("staff:reviewer-");

		// the approved image is published: reported for the merchant, it is taken down
		this.chrome.get(url("/images/" + held.get(0)));
		waitFor(By.id("report-reason")).sendKeys("the glaze is the wrong colour");
		this.chrome.findElement(By.id("report")).click();
		waitForNotice("Reported: taken down");
		assertThat(this.chrome.findElements(By.id("report"))).as("no report form on an image in review").isEmpty();
		Chromium.screenshot(this.chrome, "image-reported");
		assertThat(this.jdbc.queryForObject("SELECT state FROM render_task WHERE id = ?", String.class, held.get(0)))
			.isEqualTo("NEEDS_REVIEW");
	}

	private void awaitState(long task, String state) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject("SELECT state FROM render_task WHERE id = ?", String.class, task),
					state::equals);
		// the card is swapped for its outcome, and the focus moved on before the next key
		try {
			new WebDriverWait(this.chrome, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
				.until((driver) -> driver.findElement(By.id("held-" + task)).getAttribute("class").contains("decided")
						&& !("held-" + task).equals(driver.switchTo().activeElement().getAttribute("id")));
		}
		catch (TimeoutException ex) {
			Chromium.screenshot(this.chrome, "failed-review");
			throw new AssertionError(
					"card " + task + ": class '" + this.chrome.findElement(By.id("held-" + task)).getAttribute("class")
							+ "', focus on '" + this.chrome.switchTo().activeElement().getAttribute("id") + "'",
					ex);
		}
	}

	@Test
	void shouldStopARunningRunAndResumeIt() throws Exception {
		// the first chunk renders, then the generator holds the run mid-step
		this.generator.holdAfter(1);
		signIn(staff(StaffRole.OPERATOR));
		// more images than one generator call renders
		startRun("on-demand", 4);
		assertThat(this.generator.awaitHeld(60)).isTrue();
		waitForStatus("RUNNING", Duration.ofSeconds(30));
		this.chrome.findElement(By.xpath("//button[text()='Stop']")).click();
		waitForNotice("Stopping run");
		this.generator.release();
		waitForStatus("STOPPED", Duration.ofSeconds(60));
		Chromium.screenshot(this.chrome, "run-stopped");

		this.chrome.findElement(By.xpath("//button[text()='Resume']")).click();
		waitForNotice("Resumed run");
		waitForStatus("COMPLETED", Duration.ofSeconds(90));
	}

	@Test
	void shouldShowAReviewerNeitherSettingsNorControls() {
		signIn(staff(StaffRole.REVIEWER));
		assertThat(this.chrome.findElements(By.linkText("Settings"))).isEmpty();
		this.chrome.get(url("/runs"));
		assertThat(this.chrome.findElements(By.id("start"))).as("no start form").isEmpty();
		assertThat(this.chrome.findElements(By.cssSelector("input[type=checkbox]"))).as("no bulk actions").isEmpty();
		this.chrome.get(url("/settings"));
		assertThat(this.chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
		Chromium.screenshot(this.chrome, "reviewer-settings");
	}

	@Test
	void shouldRegisterAWebhookAndReadItsDeliveryLog() {
		signIn(staff(StaffRole.ADMIN));
		this.chrome.get(url("/settings"));
		this.chrome.findElement(By.linkText("Merchants' webhooks and their deliveries")).click();
		new Select(waitFor(By.id("merchant"))).selectByValue(this.merchant);
		this.chrome.findElement(By.xpath("//button[text()='Show its webhooks']")).click();
		waitFor(By.id("url")).sendKeys("http://localhost:9/browser-hooks");
		this.chrome.findElement(By.cssSelector("input[name=event][value='run.completed']")).click();
		this.chrome.findElement(By.id("register-webhook")).click();
		waitForNotice("Webhook");
		assertThat(this.chrome.findElement(By.cssSelector("[data-testid=new-secret]")).getText()).startsWith("whsec_");
		Chromium.screenshot(this.chrome, "webhooks");

		// an event for the endpoint; nothing listens there, so the attempt fails, logged
		this.transactions.executeWithoutResult(
				(status) -> this.outbox.record(this.merchant, WebhookOutbox.RUN_COMPLETED, () -> Map.of("run", 0)));
		this.chrome.findElement(By.linkText("Deliveries")).click();
		new WebDriverWait(this.chrome, Duration.ofSeconds(30)).until((driver) -> {
			driver.navigate().refresh();
			return !driver.findElements(By.cssSelector("ol.attempts li")).isEmpty();
		});
		assertThat(this.chrome.findElement(By.cssSelector("table.deliveries")).getText()).contains("run.completed")
			.contains("could not be reached");
		Chromium.screenshot(this.chrome, "webhook-deliveries");
		this.chrome.findElement(By.xpath("//button[text()='Replay']")).click();
		waitForNotice("Delivery");
	}

	private void signIn(String email) {
		this.chrome.get(url("/"));
		// the login page first, then back to the page asked for
		waitFor(By.id("username")).sendKeys(email);
		this.chrome.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		this.chrome.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(By.cssSelector("header.top"));
	}

	private void startRun(String lane, int variants) {
		this.chrome.get(url("/runs"));
		WebElement field = this.chrome.findElement(By.id("variants"));
		field.clear();
		field.sendKeys(Integer.toString(variants));
		new Select(this.chrome.findElement(By.id("catalogImport"))).selectByValue(Long.toString(this.catalogImport));
		new Select(this.chrome.findElement(By.id("priority"))).selectByValue(lane);
		this.chrome.findElement(By.xpath("//section[@id='start']//button[text()='Start']")).click();
		waitFor(By.id("progress-title"));
	}

	/**
	 * Waits, without reloading, until the live part of the run's page shows the status.
	 */
	private void waitForStatus(String status, Duration within) {
		// the live part is replaced as a whole: an element read a moment ago may be gone
		new WebDriverWait(this.chrome, within).ignoring(StaleElementReferenceException.class)
			.until((driver) -> status.equals(driver.findElement(By.cssSelector("[data-testid=run-status]")).getText()));
	}

	/** Waits for the page after a form, whose notice says what was done. */
	private void waitForNotice(String start) {
		new WebDriverWait(this.chrome, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> driver.findElements(By.cssSelector(".notice"))
				.stream()
				.anyMatch((notice) -> notice.getText().startsWith(start)));
	}

	private WebElement waitFor(By element) {
		try {
			return new WebDriverWait(this.chrome, Duration.ofSeconds(20))
				.until((driver) -> driver.findElements(element).stream().findFirst().orElse(null));
		}
		catch (TimeoutException ex) {
			Chromium.screenshot(this.chrome, "failed-waiting");
			throw new AssertionError("no " + element + " on " + this.chrome.getCurrentUrl() + ":\n"
					+ this.chrome.findElement(By.tagName("body")).getText(), ex);
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
