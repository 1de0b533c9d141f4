package com.prompt2pixel.admin;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.prompt2pixel.queue.RunControls;
import com.prompt2pixel.queue.RunQueue;
import com.prompt2pixel.run.CatalogRuns;
import com.prompt2pixel.run.OnDemandRequest;
import com.prompt2pixel.run.RunPriority;
import com.prompt2pixel.run.RunRequest;
import com.prompt2pixel.security.ApiKeys;
import com.prompt2pixel.security.StaffRole;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.SampleCatalogs;
import com.prompt2pixel.support.StaffSession;
import com.prompt2pixel.window.GpuPool;
import com.prompt2pixel.window.GpuPools;
import com.prompt2pixel.webhook.WebhookEndpoint;
import com.prompt2pixel.webhook.WebhookEndpoints;
import com.prompt2pixel.webhook.WebhookOutbox;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web admin's pages over HTTP, as a browser's session calls them: which role gets
 * which page (every page the application maps is classified here, so a new one cannot be
 * forgotten), forms that say what is wrong beside the field, the 404 page, thumbnails
 * with their ETag, and live streams that are forgotten when their client goes.
 */
class AdminPagesFunctionalTests extends FunctionalTest {

	/** Who may open a page. */
	enum Access {

		/** Anyone: the login page. */
		PUBLIC,
		/** Any member of staff (reviewers too). */
		STAFF,
		/** Operators and admins. */
		OPERATOR,
		/** Reviewers and admins. */
		REVIEWER,
		/** Admins alone. */
		ADMIN

	}

	private static final Map<String, Access> PAGES = Map.ofEntries(Map.entry("GET /login", Access.PUBLIC),
			Map.entry("GET /", Access.STAFF), Map.entry("GET /live/dashboard", Access.STAFF),
			Map.entry("GET /runs", Access.STAFF), Map.entry("GET /runs/{id}", Access.STAFF),
			Map.entry("GET /live/runs/{id}", Access.STAFF), Map.entry("GET /images/{id}", Access.STAFF),
			Map.entry("GET /images/{id}/file", Access.STAFF), Map.entry("GET /images/{id}/thumbnail", Access.STAFF),
			Map.entry("POST /runs", Access.OPERATOR), Map.entry("POST /runs/bulk", Access.OPERATOR),
			Map.entry("POST /runs/{id}/{action:stop|resume|cancel|raise}", Access.OPERATOR),
			Map.entry("POST /runs/{id}/retry-failed", Access.OPERATOR), Map.entry("GET /settings", Access.OPERATOR),
			Map.entry("POST /settings/windows", Access.OPERATOR), Map.entry("GET /studio", Access.OPERATOR),
			Map.entry("POST /studio/generations", Access.OPERATOR),
			Map.entry("POST /studio/photo-generations", Access.OPERATOR),
			Map.entry("GET /studio/generations/{id}", Access.OPERATOR),
			Map.entry("GET /live/generations/{id}", Access.OPERATOR), Map.entry("GET /catalogs", Access.OPERATOR),
			Map.entry("POST /catalogs/imports", Access.OPERATOR),
			Map.entry("GET /catalogs/imports/{id}", Access.OPERATOR),
			Map.entry("GET /catalogs/imports/{id}/errors.{format:csv|xlsx}", Access.OPERATOR),
			Map.entry("GET /live/imports/{id}", Access.OPERATOR), Map.entry("GET /products/{id}/photo", Access.STAFF),
			Map.entry("GET /review", Access.REVIEWER),
			Map.entry("POST /review/{id}/{decision:approve|reject|regenerate}", Access.REVIEWER),
			Map.entry("POST /review/approve-shown", Access.REVIEWER),
			Map.entry("POST /review/images/{id}/report", Access.REVIEWER),
			Map.entry("GET /settings/access", Access.ADMIN), Map.entry("POST /settings/api-keys", Access.ADMIN),
			Map.entry("POST /settings/api-keys/{id}/revoke", Access.ADMIN),
			Map.entry("POST /settings/staff", Access.ADMIN), Map.entry("GET /settings/webhooks", Access.ADMIN),
			Map.entry("POST /settings/webhooks", Access.ADMIN),
			Map.entry("POST /settings/webhooks/{id}/remove", Access.ADMIN),
			Map.entry("GET /settings/webhooks/{id}", Access.ADMIN),
			Map.entry("POST /settings/webhooks/{id}/deliveries/{delivery}/replay", Access.ADMIN),
			Map.entry("GET /runs/{id}/download.zip", Access.STAFF),
			Map.entry("GET /settings/merchants", Access.OPERATOR),
			Map.entry("POST /settings/merchants/{merchant}/plan", Access.OPERATOR),
			Map.entry("POST /settings/merchants/{merchant}/schedule", Access.OPERATOR),
			Map.entry("POST /settings/merchants/{merchant}/schedule/remove", Access.OPERATOR));

	/** Mappings that are not pages of the admin: the API, its documentation, errors. */
	private static final List<String> NOT_PAGES = List.of("/api/", "/webhooks/", "/v3/api-docs", "/swagger-ui",
			"/error");

	private static final String MERCHANT = "admin-pages";

	@LocalServerPort
	int port;

	@Autowired
	CatalogRuns runs;

	@Autowired
	GpuPools pools;

	@Autowired
	RunQueue queue;

	@Autowired
	ApiKeys keys;

	@Autowired
	RunControls controls;

	@Autowired
	WebhookEndpoints webhooks;

	@Autowired
	WebhookOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	LiveUpdates live;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@TempDir
	Path folder;

	private long run;

	private long image;

	private long product;

	private long generation;

	/** A key of the merchant's, to be revoked. */
	private long spareKey;

	/** A webhook of the merchant's with one delivery, and one to be removed. */
	private long webhook;

	private long delivery;

	private long spareWebhook;

	/** The run's import, whose report has its warnings. */
	private long catalogImport;

	@BeforeEach
	void aRunWithImagesAndAGeneration() {
		// a row without a title: the import has an error report
		Path catalog = SampleCatalogs.write(this.folder, "sku;title;price;image", List
			.of("ADMIN-MUG;Terracotta Mug;12,50;photos/mug-clay-01.png", "ADMIN-NONE;;12,50;photos/mug-clay-01.png"));
		this.run = this.runs.start(new RunRequest(MERCHANT, catalog, null, 1, this.folder)).run();
		this.image = this.jdbc.queryForObject(
				"SELECT min(id) FROM render_task WHERE run_id = ? AND image_key IS NOT NULL", Long.class, this.run);
		this.product = this.jdbc.queryForObject("SELECT min(id) FROM product WHERE merchant_id = ?", Long.class,
				MERCHANT);
		String key = this.jdbc.queryForObject("SELECT source_key FROM product WHERE id = ?", String.class,
				this.product);
		this.spareKey = this.keys.create(MERCHANT, "spare").key().id();
		this.catalogImport = this.jdbc.queryForObject("SELECT id FROM catalog_import WHERE run_id = ?", Long.class,
				this.run);
		this.generation = this.queue
			.submitGeneration(new OnDemandRequest(MERCHANT, key, null, null, null, null, 1, 7, null, null))
			.id();
		// the endpoints of earlier tests go, so their retries do not crowd this test's
		// delivery out of the dispatcher's leases; nothing listens at the new ones: each
		// attempt is refused, and logged
		this.webhooks.list(MERCHANT).forEach((endpoint) -> this.webhooks.remove(endpoint.id()));
		this.webhook = this.webhooks.register(MERCHANT, "http://localhost:9/admin-hooks", List.of("run.completed"))
			.endpoint()
			.id();
		this.spareWebhook = this.webhooks.register(MERCHANT, "http://localhost:9/spare", List.of("run.failed"))
			.endpoint()
			.id();
		String event = this.transactions.execute(
				(status) -> this.outbox.record(MERCHANT, WebhookOutbox.RUN_COMPLETED, () -> Map.of("run", this.run)));
		this.delivery = this.jdbc.queryForObject(
				"SELECT id FROM webhook_delivery WHERE event_id = ? AND endpoint_id = ?", Long.class, event,
				this.webhook);
	}

	@Test
	void shouldGiveEachPageOnlyToTheRolesThatMaySeeIt() throws Exception {
		List<String> mapped = pages();
		StaffSession reviewer = StaffSession.signedIn(this.port, staff(StaffRole.REVIEWER), STAFF_PASSWORD);
		StaffSession operator = StaffSession.signedIn(this.port, staff(StaffRole.OPERATOR), STAFF_PASSWORD);
		StaffSession admin = StaffSession.signedIn(this.port, staff(StaffRole.ADMIN), STAFF_PASSWORD);
		SoftAssertions softly = new SoftAssertions();
		for (String page : mapped) {
			Access access = PAGES.get(page);
			softly.assertThat(access).as(page + " is classified in PAGES").isNotNull();
			if (access == null) {
				continue;
			}
			String method = page.substring(0, page.indexOf(' '));
			String path = concrete(page.substring(page.indexOf(' ') + 1));
			int anonymous = call(StaffSession.anonymous(this.port), method, path);
			int merchantKey = callWithKey(method, path);
			if (access == Access.PUBLIC) {
				softly.assertThat(anonymous).as(page + " anonymous").isEqualTo(200);
				continue;
			}
			// a GET goes to the login page; a POST without the session's token is refused
			softly.assertThat(anonymous).as(page + " anonymous").isIn(302, 403);
			softly.assertThat(merchantKey).as(page + " a merchant's API key is no session").isIn(302, 403);
			Set<Integer> granted = method.equals("GET") ? Set.of(200)
					// a form's answer is the page to go to next
					: Set.of(302);
			int byReviewer = call(reviewer, method, path);
			int byOperator = call(operator, method, path);
			switch (access) {
				case STAFF -> {
					softly.assertThat(byReviewer).as(page + " a reviewer").isEqualTo(200);
					softly.assertThat(byOperator).as(page + " an operator").isEqualTo(200);
				}
				case OPERATOR -> {
					softly.assertThat(byReviewer).as(page + " a reviewer").isEqualTo(403);
					softly.assertThat(byOperator).as(page + " an operator").isIn(granted);
				}
				case REVIEWER -> {
					softly.assertThat(byReviewer).as(page + " a reviewer").isIn(granted);
					softly.assertThat(byOperator).as(page + " an operator").isEqualTo(403);
				}
				case ADMIN -> {
					softly.assertThat(byReviewer).as(page + " a reviewer").isEqualTo(403);
					softly.assertThat(byOperator).as(page + " an operator").isEqualTo(403);
				}
				default -> throw new IllegalStateException(access.name());
			}
			softly.assertThat(call(admin, method, path)).as(page + " an admin").isIn(granted);
		}
		softly.assertThat(PAGES.keySet())
			.as("every classified page is mapped")
			.containsExactlyInAnyOrderElementsOf(mapped);
		softly.assertAll();
	}

	@Test
	void shouldSendTheLoginPageToAnAnonymousBrowserAndBringItBackAfterwards() throws Exception {
		StaffSession browser = StaffSession.anonymous(this.port);
		HttpResponse<String> runPage = browser.get("/runs/" + this.run);
		assertThat(runPage.statusCode()).isEqualTo(302);
		assertThat(runPage.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
		browser.get("/login");
		HttpResponse<String> signedIn = browser.post("/login",
				Map.of("username", staff(StaffRole.REVIEWER), "password", STAFF_PASSWORD));
		assertThat(signedIn.headers().firstValue("Location")).as("back to the page it asked for")
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/runs/" + this.run + "?continue"));
		assertThat(browser.get("/runs/" + this.run).body()).contains("Run <span>" + this.run + "</span>")
			.contains(MERCHANT)
			.doesNotContain("Controls")
			.as("a reviewer sees no settings")
			.doesNotContain("href=\"/settings\"");

		HttpResponse<String> wrong = StaffSession.anonymous(this.port)
			.post("/login", Map.of("username", staff(StaffRole.ADMIN), "password", "not-the-password"));
		assertThat(wrong.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?error"));
	}

	@Test
	void shouldSayBesideTheFieldWhatIsWrongAndSaveWindowsAsTheCliDoes() throws Exception {
		StaffSession operator = StaffSession.signedIn(this.port, staff(StaffRole.OPERATOR), STAFF_PASSWORD);
		assertThat(operator
			.post("/settings/windows",
					Map.of("pool", "admin-night", "timeZone", "Mars/Olympus", "windows", "00:00-06:00"))
			.statusCode()).isEqualTo(302);
		String page = operator.get("/settings").body();
		assertThat(page).contains("&#39;Mars/Olympus&#39; is not a time zone")
			.as("the form keeps what was typed")
			.contains("value=\"admin-night\"");
		assertThat(this.pools.find("admin-night")).isEmpty();

		operator.post("/settings/windows",
				Map.of("pool", "admin-night", "timeZone", "Europe/Berlin", "windows", "22:00-04:00, 12:00-13:00"));
		assertThat(operator.get("/settings").body()).contains("Pool admin-night: [12:00-13:00, 22:00-04:00].");
		assertThat(this.pools.get("admin-night").windows()).hasSize(2);

		operator.post("/runs", Map.of("variants", "99"));
		assertThat(operator.get("/runs").body()).contains("choose a completed catalog import")
			.contains("variants must be 1-16");
		HttpResponse<String> missing = operator.get("/runs/987654321");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Not found").contains("no run with id 987654321");
		assertThat(operator.get("/images/987654321").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldFindRunsByTheirIdProductCatalogOrFailureAndRaiseAWaitingOne() throws Exception {
		StaffSession operator = StaffSession.signedIn(this.port, staff(StaffRole.OPERATOR), STAFF_PASSWORD);
		assertThat(runIds(operator.get("/runs?q=terracotta").body())).contains(this.run);
		assertThat(runIds(operator.get("/runs?q=no-such-mug&merchant=" + MERCHANT).body())).isEmpty();
		assertThat(runIds(operator.get("/runs?q=%23" + this.run).body())).containsExactly(this.run);
		assertThat(runIds(operator.get("/runs?q=ADMIN-MUG&merchant=" + MERCHANT).body())).contains(this.run);
		// a wildcard is text: nothing is called 100%
		assertThat(runIds(operator.get("/runs?q=100%25").body())).isEmpty();
		assertThat(operator.get("/runs?q=" + "x".repeat(201)).body()).contains("search for at most 200 characters");

		// a window that opens in two hours: the run waits for it
		LocalTime opens = LocalTime.now(ZoneOffset.UTC).plusHours(2).withSecond(0).withNano(0);
		this.pools.save(GpuPool.of("admin-raise", "UTC", List.of(opens + "-" + opens.plusHours(1))));
		long waiting = this.queue.submitImport(MERCHANT, this.catalogImport, null, 1, RunPriority.BATCH, "admin-raise")
			.id();
		operator.post("/runs/" + waiting + "/raise", Map.of());
		assertThat(operator.get("/runs/" + waiting).body()).contains("Raised run " + waiting + ".");
		assertThat(this.jdbc.queryForObject("SELECT raised_at IS NOT NULL FROM generation_run WHERE id = ?",
				Boolean.class, waiting))
			.isTrue();
		operator.post("/runs/bulk", Map.of("run", String.valueOf(this.run), "action", "raise"));
		assertThat(operator.get("/runs").body()).contains("Raised 0 of 1 runs.")
			.contains("run " + this.run + " was not submitted to the queue");
		this.controls.cancel(waiting);
	}

	/** The ids of the runs a runs page lists. */
	private static List<Long> runIds(String page) {
		return Pattern.compile("id=\"choose-(\\d+)\"")
			.matcher(page)
			.results()
			.map((match) -> Long.parseLong(match.group(1)))
			.toList();
	}

	@Test
	void shouldRegisterAWebhookShowingItsSecretOnceAndShowItsDeliveriesWithEachAttempt() throws Exception {
		StaffSession admin = StaffSession.signedIn(this.port, staff(StaffRole.ADMIN), STAFF_PASSWORD);
		admin.post("/settings/webhooks",
				Map.of("merchant", MERCHANT, "url", "http://10.0.0.7/hooks", "event", "run.completed"));
		assertThat(admin.get("/settings/webhooks?merchant=" + MERCHANT).body())
			.contains("is on a host that is unknown, local or private")
			.as("the form keeps what was typed")
			.contains("value=\"http://10.0.0.7/hooks\"");
		admin.post("/settings/webhooks",
				Map.of("merchant", MERCHANT, "url", "http://localhost:9/x", "event", "run.paid"));
		assertThat(admin.get("/settings/webhooks?merchant=" + MERCHANT).body())
			.contains("event &#39;run.paid&#39; is not one of");

		admin.post("/settings/webhooks",
				Map.of("merchant", MERCHANT, "url", "http://localhost:9/new-hooks", "event", "run.failed"));
		String made = admin.get("/settings/webhooks?merchant=" + MERCHANT).body();
		Matcher secret = Pattern.compile("data-testid=\"new-secret\">(whsec_[A-Za-z0-9_-]+)<").matcher(made);
		assertThat(secret.find()).as("the secret is shown").isTrue();
		assertThat(made).contains("http://localhost:9/new-hooks");
		assertThat(admin.get("/settings/webhooks?merchant=" + MERCHANT).body()).as("and never again")
			.doesNotContain(secret.group(1));
		assertThat(this.webhooks.list(MERCHANT)).extracting(WebhookEndpoint::url)
			.contains("http://localhost:9/new-hooks");

		// the dispatcher tries the fixture's delivery: nothing listens, so the attempt
		// is logged with its error
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject("SELECT count(*) FROM webhook_attempt WHERE delivery_id = ?",
					Long.class, this.delivery) > 0);
		String log = admin.get("/settings/webhooks/" + this.webhook).body();
		assertThat(log).contains("run.completed").contains("no answer").contains("Replay delivery " + this.delivery);
		admin.post("/settings/webhooks/" + this.webhook + "/deliveries/" + this.delivery + "/replay", Map.of());
		assertThat(admin.get("/settings/webhooks/" + this.webhook).body())
			.contains("Delivery " + this.delivery + " is sent again, as the same event.");
		assertThat(admin
			.post("/settings/webhooks/" + this.spareWebhook + "/deliveries/" + this.delivery + "/replay", Map.of())
			.statusCode()).as("a delivery of another endpoint").isEqualTo(404);

		admin.post("/settings/webhooks/" + this.webhook + "/remove", Map.of());
		assertThat(this.webhooks.find(this.webhook)).isEmpty();
		assertThat(admin.get("/settings/webhooks/" + this.webhook).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldLetAReviewerReportAnImageForTheMerchantTakingItDownAndCreditingItOnce() throws Exception {
		Path catalog = SampleCatalogs.write(this.folder.resolve("report"), "sku;title;price;image",
				List.of("REPORT-MUG;Reported Mug;12,50;photos/mug-clay-01.png"));
		long run = this.runs.start(new RunRequest("admin-report", catalog, null, 1, this.folder.resolve("report-out")))
			.run();
		long image = this.jdbc.queryForObject(
				"SELECT min(id) FROM render_task WHERE run_id = ? AND state = 'PUBLISHED'", Long.class, run);
		String email = staff(StaffRole.REVIEWER);
		StaffSession reviewer = StaffSession.signedIn(this.port, email, STAFF_PASSWORD);
		assertThat(reviewer.get("/images/" + image).body()).contains("Report and take down");

		reviewer.post("/review/images/" + image + "/report", Map.of("reason", " "));
		assertThat(reviewer.get("/images/" + image).body()).contains("a report needs a reason");
		reviewer.post("/review/images/" + image + "/report", Map.of("reason", "the handle is missing"));
		String page = reviewer.get("/images/" + image).body();
		assertThat(page)
			.containsPattern("Reported: taken down \\(\\d+ files or objects removed\\), back in review, "
					+ "0.04 credited to admin-report.")
			.as("no report button on an image in review")
			.doesNotContain("Report and take down");
		assertThat(this.jdbc.queryForObject("SELECT state_reason FROM render_task WHERE id = ?", String.class, image))
			.isEqualTo("REPORTED: the handle is missing (reported for the merchant by staff:" + email + ")");
		reviewer.post("/review/images/" + image + "/report", Map.of("reason", "again"));
		assertThat(reviewer.get("/images/" + image).body())
			.contains("Reported again: it was down already, so nothing more was done.");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM usage_event WHERE task_id = ? AND quantity < 0",
				Long.class, image))
			.as("credited once")
			.isOne();
		assertThat(reviewer.post("/review/images/987654321/report", Map.of("reason", "x")).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldDownloadARunAsAZipWithItsManifest() throws Exception {
		StaffSession reviewer = StaffSession.signedIn(this.port, staff(StaffRole.REVIEWER), STAFF_PASSWORD);
		HttpResponse<byte[]> zip = reviewer.file("/runs/" + this.run + "/download.zip", null);
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("run-" + this.run + ".zip"));
		List<String> entries = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.add(entry.getName());
			}
		}
		// rendered here or reused from the same merchant's earlier run: published either
		// way
		long published = this.jdbc.queryForObject(
				"SELECT count(*) FROM render_task WHERE run_id = ? AND state IN ('PUBLISHED', 'SKIPPED_CACHED')",
				Long.class, this.run);
		assertThat(entries).contains("manifest.csv");
		assertThat(entries.stream().filter((name) -> name.endsWith(".png"))).hasSize((int) published);
		assertThat(reviewer.file("/runs/987654321/download.zip", null).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldShowANewKeyOnceAndRevokeItAtOnce() throws Exception {
		StaffSession admin = StaffSession.signedIn(this.port, staff(StaffRole.ADMIN), STAFF_PASSWORD);
		admin.get("/settings/access?merchant=" + MERCHANT);
		HttpResponse<String> made = admin.post("/settings/api-keys", Map.of("merchant", MERCHANT, "name", "shop"));
		assertThat(made.statusCode()).isEqualTo(302);
		String page = admin.get("/settings/access?merchant=" + MERCHANT).body();
		Matcher shown = Pattern.compile("data-testid=\"new-key\">(p2p_[A-Za-z0-9_-]+)<").matcher(page);
		assertThat(shown.find()).as(page).isTrue();
		String secret = shown.group(1);
		assertThat(admin.get("/settings/access?merchant=" + MERCHANT).body()).as("shown once").doesNotContain(secret);
		assertThat(withKey(secret)).as("the key works").isEqualTo(200);

		long id = this.jdbc.queryForObject("SELECT max(id) FROM api_key WHERE merchant_id = ? AND name = 'shop'",
				Long.class, MERCHANT);
		admin.post("/settings/api-keys/" + id + "/revoke", Map.of());
		assertThat(withKey(secret)).as("revoked at once").isEqualTo(401);

		admin.post("/settings/staff", Map.of("email", "not-an-address", "role", "operator", "password", ""));
		assertThat(admin.get("/settings/access").body()).contains("&#39;not-an-address&#39; is not an e-mail address");
		admin.post("/settings/staff",
				Map.of("email", "new-reviewer@staff.example", "role", "reviewer", "password", ""));
		assertThat(admin.get("/settings/access").body()).contains("The generated password, shown this once");
		assertThat(this.jdbc.queryForObject("SELECT role FROM staff_account WHERE email = 'new-reviewer@staff.example'",
				String.class))
			.isEqualTo("REVIEWER");
	}

	private int withKey(String secret) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/runs"))
				.header("Authorization", "Bearer " + secret)
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	@Test
	void shouldSetAMerchantsPlanAndNightlyRunAsTheCliDoes() throws Exception {
		StaffSession operator = StaffSession.signedIn(this.port, staff(StaffRole.OPERATOR), STAFF_PASSWORD);
		operator.post("/settings/merchants/" + MERCHANT + "/plan", Map.of("plan", "paid"));
		// as a browser follows each form's redirect
		assertThat(operator.get("/settings/merchants?merchant=" + MERCHANT).body())
			.contains("admin-pages&#39;s plan is paid.");
		assertThat(this.jdbc.queryForObject("SELECT plan FROM merchant WHERE id = ?", String.class, MERCHANT))
			.isEqualTo("PAID");
		operator.post("/settings/merchants/" + MERCHANT + "/schedule",
				Map.of("at", "25:99", "timeZone", "UTC", "pool", "default"));
		assertThat(operator.get("/settings/merchants?merchant=" + MERCHANT).body())
			.contains("&#39;25:99&#39; is not a time of day as HH:MM");
		operator.post("/settings/merchants/" + MERCHANT + "/schedule",
				Map.of("at", "02:30", "timeZone", "Europe/Berlin", "pool", "default"));
		String page = operator.get("/settings/merchants?merchant=" + MERCHANT).body();
		assertThat(page).contains("0 30 2 * * ?").contains("Europe/Berlin").contains("data-testid=\"next-fire\"");
		operator.post("/settings/merchants/" + MERCHANT + "/schedule/remove", Map.of());
		assertThat(operator.get("/settings/merchants?merchant=" + MERCHANT).body()).contains("No nightly run.");
		assertThat(operator.get("/settings/merchants?merchant=nobody-such").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldServeEachThumbnailOnceMadeWithItsEtag() throws Exception {
		StaffSession reviewer = StaffSession.signedIn(this.port, staff(StaffRole.REVIEWER), STAFF_PASSWORD);
		HttpResponse<byte[]> thumbnail = reviewer.file("/images/" + this.image + "/thumbnail", null);
		assertThat(thumbnail.statusCode()).isEqualTo(200);
		assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
		assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(Thumbnails.SIZE);
		String etag = thumbnail.headers().firstValue("ETag").orElseThrow();
		assertThat(reviewer.file("/images/" + this.image + "/thumbnail", etag).statusCode()).isEqualTo(304);
		HttpResponse<byte[]> again = reviewer.file("/images/" + this.image + "/thumbnail", null);
		assertThat(again.body()).as("the same thumbnail, from its file").isEqualTo(thumbnail.body());
		HttpResponse<byte[]> full = reviewer.file("/images/" + this.image + "/file", null);
		assertThat(full.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(ImageIO.read(new ByteArrayInputStream(full.body())).getWidth()).isGreaterThan(Thumbnails.SIZE);
		assertThat(reviewer.get("/images/" + this.image).body()).contains("Automatic checks")
			.contains(this.jdbc.queryForObject("SELECT prompt FROM render_task WHERE id = ?", String.class, this.image)
				.replace("'", "&#39;")
				.substring(0, 20));
	}

	@Test
	void shouldStreamTheDashboardAndForgetAStreamWhoseClientWent() throws Exception {
		StaffSession reviewer = StaffSession.signedIn(this.port, staff(StaffRole.REVIEWER), STAFF_PASSWORD);
		int before = this.live.open();
		HttpResponse<InputStream> stream = reviewer.open("/live/dashboard");
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> lines = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
		String line;
		while ((line = reader.readLine()) != null && !(line.isEmpty() && !lines.isEmpty())) {
			lines.add(line);
		}
		assertThat(lines.get(0)).isEqualTo("event:figures");
		assertThat(String.join("\n", lines)).contains("Runs by state").contains("images a minute");
		assertThat(this.live.open()).isEqualTo(before + 1);
		stream.body().close();
		// the next change or heartbeat finds the client gone
		this.jdbc.update("UPDATE generation_run SET status = status WHERE id = ?", this.run);
		// (streams other tests left may end meanwhile too)
		await().atMost(Duration.ofSeconds(30)).until(() -> this.live.open() <= before);
	}

	/** Method and path pattern of every page the application maps. */
	private List<String> pages() {
		List<String> pages = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (NOT_PAGES.stream().noneMatch(pattern::startsWith)) {
					for (var verb : info.getMethodsCondition().getMethods()) {
						pages.add(verb.name() + " " + pattern);
					}
				}
			}
		});
		return pages;
	}

	private String concrete(String pattern) {
		return pattern.replace("/runs/{id}/{action:stop|resume|cancel|raise}", "/runs/" + this.run + "/stop")
			.replace("/review/{id}/{decision:approve|reject|regenerate}", "/review/" + this.image + "/approve")
			.replace("/api-keys/{id}/revoke", "/api-keys/" + this.spareKey + "/revoke")
			.replace("/webhooks/{id}/remove", "/webhooks/" + this.spareWebhook + "/remove")
			.replace("/webhooks/{id}/deliveries/{delivery}",
					"/webhooks/" + this.webhook + "/deliveries/" + this.delivery)
			.replace("/webhooks/{id}", "/webhooks/" + this.webhook)
			.replace("{merchant}", MERCHANT)
			.replace("/generations/{id}", "/generations/" + this.generation)
			.replace("/products/{id}", "/products/" + this.product)
			.replace("/imports/{id}/errors.{format:csv|xlsx}", "/imports/" + this.catalogImport + "/errors.csv")
			.replace("/imports/{id}", "/imports/" + this.catalogImport)
			.replace("/runs/{id}", "/runs/" + this.run)
			.replace("/images/{id}", "/images/" + this.image);
	}

	private static int call(StaffSession session, String method, String path) throws Exception {
		if (method.equals("POST")) {
			return session.post(path, Map.of()).statusCode();
		}
		if (path.startsWith("/live/")) {
			HttpResponse<InputStream> stream = session.open(path);
			stream.body().close();
			return stream.statusCode();
		}
		return session.get(path).statusCode();
	}

	private int callWithKey(String method, String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", bearer(MERCHANT))
			.header("Accept", "text/html");
		request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).doesNotContain(MERCHANT);
		return response.statusCode();
	}

}
