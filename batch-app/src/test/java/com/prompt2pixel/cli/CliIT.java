package com.prompt2pixel.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.prompt2pixel.cli.Jar.Result;
import com.prompt2pixel.support.Manifest;
import com.prompt2pixel.support.MerchantApi;
import com.prompt2pixel.support.SampleCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, run as a user runs it: {@code java -jar prompt2pixel.jar ...} in a
 * fresh working folder with the embedded defaults.
 */
class CliIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path workdir;

	@Test
	void shouldRunTheSampleCatalogAndKeepItsRowsForTheNextRun() throws Exception {
		Result first = run("run", "--catalog", SampleCatalogs.SAMPLES.resolve("catalog.csv").toString());

		assertThat(first.exitCode()).as(first.stderr()).isZero();
		assertThat(first.stderr()).as("no progress bar on a stderr that is not a terminal")
			.doesNotContain("\r")
			.contains("Step: [");
		JsonNode summary = first.summary();
		assertThat(summary.get("run").asLong()).isEqualTo(1);
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(summary.get("products").asInt()).isEqualTo(20);
		assertThat(summary.get("images").asInt()).isEqualTo(80);
		assertThat(summary.get("rejected").asInt()).isZero();
		assertThat(summary.get("published").asInt()).isEqualTo(80);
		assertThat(summary.get("invoice_total").asString()).isEqualTo("3.20");
		assertThat(summary.get("currency").asString()).isEqualTo("USD");
		assertThat(summary.get("elapsed_ms").asLong()).isPositive();
		Path out = this.workdir.resolve("out/run-1");
		assertThat(summary.get("out").asString()).isEqualTo(out.toString());
		Manifest.of(out).assertEveryImageListedOnceWithItsChecksum(80);

		// three products fewer: within what an import may mark removed without asking;
		// run from a terminal, with the summary into a file
		Path smaller = SampleCatalogs.firstProducts(this.workdir.resolve("smaller"), 17);
		Result second = new Jar(this.workdir).runInTerminal("run", "--catalog", smaller.toString(), "--out", "second");

		assertThat(second.exitCode()).as(second.stderr()).isZero();
		assertThat(second.stderr()).as("the terminal shows the run's progress bar, redrawn in place")
			.contains("run 2")
			.contains("68/68")
			.contains("\r")
			.as("instead of the progress logs")
			.doesNotContain("Step: [");
		assertThat(second.summary().get("run").asLong()).as("the database kept the first run").isEqualTo(2);
		assertThat(second.summary().get("cached").asInt()).as("the first run's images are reused").isEqualTo(68);
		assertThat(second.summary().get("invoice_total").asString()).isEqualTo("0.00");
		Manifest.of(this.workdir.resolve("second")).assertEveryImageListedOnceWithItsChecksum(68);
	}

	@Test
	void shouldResumeARunWhoseProcessWasKilledWithEveryImageExactlyOnce() throws Exception {
		Path log = this.workdir.resolve("killed.log");
		Process killed = start(log, "run", "--catalog", SampleCatalogs.SAMPLES.resolve("catalog.csv").toString());
		awaitLine(log, "Executing step: [generateImagesStep]");
		// killed once some images are stored, with most of the run's left to render
		Path images = this.workdir.resolve("data/images");
		await("images stored before the kill").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> pngs(images), (count) -> count >= 8);
		killed.destroyForcibly().waitFor();

		Result resumed = run("resume", "--run", "1");

		assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
		JsonNode summary = resumed.summary();
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(summary.get("images").asInt()).isEqualTo(80);
		assertThat(summary.get("invoice_total").asString()).as("one usage event per image").isEqualTo("3.20");
		Manifest.of(this.workdir.resolve("out/run-1")).assertEveryImageListedOnceWithItsChecksum(80);
	}

	@Test
	void shouldFinishEveryQueuedAndRunningUploadAfterServeIsKilled() throws Exception {
		// large enough that its import is still running when the process dies
		StringBuilder big = new StringBuilder("sku,title,image\n");
		for (int i = 0; i < 400_000; i++) {
			big.append("SKU-")
				.append(i)
				.append(",Lamp ")
				.append(i)
				.append(",https://x.example/")
				.append(i)
				.append(".jpg\n");
		}
		String small = "sku,title,image\nA,Vase,https://x.example/a.jpg\nB,Bowl,https://x.example/b.jpg\n";
		String[] options = { "--server.port=0", "--p2p.schedule.dispatch-interval=500ms",
				"--p2p.schedule.dead-after=3s", "--p2p.webhooks.allowed-hosts=localhost",
				"--p2p.webhooks.require-https=false", "--p2p.webhooks.first-backoff=1s" };
		WireMockServer receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
		receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(503)));
		Result added = run("user", "add", "--email", "Ops@Example.com", "--role", "admin");
		assertThat(added.exitCode()).as(added.stderr()).isZero();
		JsonNode account = added.summary();
		assertThat(account.get("email").asString()).isEqualTo("ops@example.com");
		assertThat(account.get("role").asString()).isEqualTo("admin");
		String admin = "Basic " + Base64.getEncoder()
			.encodeToString(("ops@example.com:" + account.get("password").asString()).getBytes(StandardCharsets.UTF_8));
		Path firstLog = this.workdir.resolve("serve-1.log");
		Process killed = start(firstLog, concat("serve", options));
		List<Long> imports = new ArrayList<>();
		Map<Long, String> keys = new HashMap<>();
		try {
			int port = port(firstLog);
			MerchantApi hooks = new MerchantApi(port, "Bearer " + createKey(port, admin, "hooks"), JSON);
			HttpResponse<String> endpoint = hooks.post("/api/v1/webhooks",
					"{\"url\": \"http://localhost:" + receiver.port() + "/hooks\", \"events\": [\"run.completed\"]}");
			assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(201);
			long sample = hooks.uploadSample(1);
			assertThat(hooks.post("/api/v1/runs", "{\"catalog_import\": " + sample + ", \"priority\": \"on-demand\"}")
				.statusCode()).isEqualTo(202);
			await("the run's event tried once and refused").atMost(Duration.ofMinutes(1))
				.until(() -> !receiver.getAllServeEvents().isEmpty());
			for (String merchant : List.of("big", "small-1", "small-2")) {
				String key = createKey(port, admin, merchant);
				long id = upload(port, key, merchant.equals("big") ? "big.csv" : "small.csv",
						merchant.equals("big") ? big.toString() : small);
				imports.add(id);
				keys.put(id, key);
			}
			await("the large import running").atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> importStatus(port, keys, imports.get(0)).get("status").asString(), "RUNNING"::equals);
		}
		finally {
			killed.destroyForcibly().waitFor();
		}

		String eventId = receiver.getAllServeEvents().get(0).getRequest().getHeader("X-P2P-Event-Id");
		receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
		Process restarted = start(this.workdir.resolve("serve-2.log"), concat("serve", options));
		try {
			int port = port(this.workdir.resolve("serve-2.log"));
			await("the event delivered after the restart").atMost(Duration.ofMinutes(1))
				.until(() -> receiver.getAllServeEvents()
					.stream()
					.anyMatch((sent) -> sent.getResponse().getStatus() == 204));
			assertThat(receiver.getAllServeEvents()).as("one event, attempted until delivered")
				.allMatch((sent) -> eventId.equals(sent.getRequest().getHeader("X-P2P-Event-Id")));
			for (long id : imports) {
				await("import " + id + " completed after the restart").atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(250))
					.until(() -> importStatus(port, keys, id).get("status").asString(), "COMPLETED"::equals);
			}
			JsonNode first = importStatus(port, keys, imports.get(0));
			assertThat(first.get("rows").asLong()).isEqualTo(400_000);
			assertThat(first.get("new").asLong()).as("every product once").isEqualTo(400_000);
			assertThat(importStatus(port, keys, imports.get(2)).get("new").asLong()).isEqualTo(2);
			assertThat(
					importStatus(port, Map.of(imports.get(2), keys.get(imports.get(1))), imports.get(2)).get("import"))
				.as("another merchant's import is missing to small-1's key")
				.isNull();
			assertThat(Files.readString(this.workdir.resolve("serve-2.log")))
				.contains("Import " + imports.get(0) + " lost its node")
				.contains("Import " + imports.get(0) + " was abandoned by its process");
		}
		finally {
			restarted.destroy();
			restarted.waitFor(60, TimeUnit.SECONDS);
			receiver.stop();
		}
	}

	@Test
	void shouldQueueRunsForAManagerToStartByTheirWindowsAndServeHealthUntilStopped() throws Exception {
		Path small = SampleCatalogs.firstProducts(this.workdir.resolve("small"), 1);
		LocalTime later = LocalTime.now(ZoneOffset.UTC).plusHours(2).withSecond(0).withNano(0);
		String window = later + "-" + later.plusHours(1);
		assertThat(run("window", "--pool", "night", "--time-zone", "UTC", "--open", window).stdout())
			.startsWith("pool night (UTC): [" + window + "]; closed now, opens ");
		assertThat(run("import", "--catalog", small.toString(), "--merchant", "acme").exitCode()).isZero();

		Result batch = run("submit", "--catalog", small.toString(), "--merchant", "acme", "--pool", "night");
		Result onDemand = run("submit", "--catalog", small.toString(), "--merchant", "acme", "--pool", "night",
				"--priority", "on-demand");

		assertThat(batch.exitCode()).as(batch.stderr()).isZero();
		assertThat(batch.summary().get("run").asLong()).isEqualTo(1);
		assertThat(batch.summary().get("status").asString()).isEqualTo("WAITING_WINDOW");
		assertThat(batch.summary().get("expected_start").asString()).endsWith(later + ":00Z");
		assertThat(onDemand.summary().get("status").asString()).isEqualTo("QUEUED");
		assertThat(onDemand.summary().get("priority").asString()).isEqualTo("on-demand");

		Path log = this.workdir.resolve("serve.log");
		Process server = start(log, "serve", "--server.port=0", "--p2p.schedule.dispatch-interval=1s");
		try {
			String tomcat = awaitLine(log, "Tomcat started on port ");
			int port = Integer.parseInt(tomcat.replaceAll(".*Tomcat started on port (\\d+).*", "$1"));
			// healthy once every part has started, the inbox route's Camel context last
			awaitLine(log, "Started Prompt2PixelApplication");
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> health = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> anonymous = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/runs/1")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
			assertThat(anonymous.statusCode()).as("the API needs a key").isEqualTo(401);
			assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			awaitLine(log, "Job: [SimpleJob: [name=catalogImageJob]] completed");
			// beside serve, on its embedded database
			Result key = run("api-key", "create", "--merchant", "acme", "--name", "status page");
			assertThat(key.exitCode()).as(key.stderr()).isZero();
			assertThat(key.stderr()).contains("is another prompt2pixel process's");
			assertThat(key.summary().get("merchant").asString()).isEqualTo("acme");
			assertThat(key.summary().get("key").asString()).startsWith("p2p_");
			assertThat(key.summary().get("key").asString()).startsWith(key.summary().get("prefix").asString());
			HttpResponse<String> waiting = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/runs/1/progress"))
					.header("Authorization", "Bearer " + key.summary().get("key").asString())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(JSON.readTree(waiting.body()).get("status").asString()).isEqualTo("WAITING_WINDOW");
			JsonNode done = run("status", "--run", "2").summary();
			assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(done.get("tasks").get("PUBLISHED").asInt()).isEqualTo(4);
		}
		finally {
			server.destroy();
		}
		assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
		assertThat(Files.readString(log)).doesNotContain("Exception");

		Result exported = run("export-run", "--run", "2", "--out", "exported");
		assertThat(exported.exitCode()).as(exported.stderr()).isZero();
		Manifest.of(this.workdir.resolve("exported")).assertEveryImageListedOnceWithItsChecksum(4);

		assertThat(run("schedule", "--merchant", "acme", "--at", "02:30", "--time-zone", "Europe/Berlin").stdout())
			.startsWith("merchant acme: nightly run at '0 30 2 * * ?' (Europe/Berlin), pool default; next ");
		// an empty window and a cron expression that is none: GpuPoolTest and
		// NightlyScheduleFunctionalTests, in process
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			missing.csv | <none>                       | catalog file not found:
			empty.csv   | ''                           | is empty
			header.csv  | sku,title,description,image  | has a header but no product rows
			columns.csv | sku,price\\nA,1              | lacks required column(s): title
			""")
	void shouldRefuseBadInputWithOneLineAndWriteNothing(String name, String content, String message) throws Exception {
		Path catalog = this.workdir.resolve(name);
		if (!"<none>".equals(content)) {
			Files.writeString(catalog, content.replace("\\n", "\n"));
		}

		Result result = run("run", "--catalog", catalog.toString());

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr().lines()).singleElement().asString().startsWith("error: ").contains(message);
		assertThat(result.stdout()).isEmpty();
		assertThat(this.workdir.resolve("data")).doesNotExist();
		assertThat(this.workdir.resolve("out")).doesNotExist();
	}

	@Test
	void shouldImportACatalogReportItsBadRowsAndExportWhatItUnderstood() throws Exception {
		StringBuilder shopify = new StringBuilder("Handle,Title,Body (HTML),Type,Option1 Name,Option1 Value,"
				+ "Variant SKU,Variant Price,Image Src,Image Position\n");
		for (int i = 0; i < 12; i++) {
			shopify.append("mug-")
				.append(i)
				.append(",Mug ")
				.append(i)
				.append(",<p>Clay</p>,Mug,Size,S,M")
				.append(i)
				.append("-S,12.00,https://cdn.example/mug-")
				.append(i)
				.append(".jpg,1\n");
			shopify.append("mug-").append(i).append(",,,,,L,M").append(i).append("-L,14.00,,\n");
		}
		shopify.append("mug-x,Broken,,Mug,Size,S,MX-S,twelve,https://cdn.example/mug-x.jpg,1\n");
		Path catalog = Files.writeString(this.workdir.resolve("products_export.csv"), shopify);

		Result imported = run("import", "--catalog", catalog.toString(), "--merchant", "shop");

		assertThat(imported.exitCode()).as(imported.stderr()).isZero();
		JsonNode summary = imported.summary();
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(summary.get("rows").asInt()).isEqualTo(25);
		assertThat(summary.get("products").asInt()).isEqualTo(13);
		assertThat(summary.get("new").asInt()).isEqualTo(13);
		assertThat(summary.get("skipped").asInt()).isOne();
		assertThat(summary.get("elapsed_ms").asLong()).isPositive();
		Path report = Path.of(summary.get("error_report").asString());
		assertThat(Files.readAllLines(report)).containsExactly("row,column,problem",
				"26,Variant Price,'twelve' is not a price; this variant was skipped");

		Result exported = run("export-catalog", "--merchant", "shop", "--out", "understood.xlsx");

		assertThat(exported.exitCode()).as(exported.stderr()).isZero();
		assertThat(exported.summary().get("products").asInt()).isEqualTo(13);
		assertThat(this.workdir.resolve("understood.xlsx")).isRegularFile();

		Path broken = Files.writeString(this.workdir.resolve("broken.csv"),
				"sku,title,image\nA,Lamp,https://x.example/a.jpg\nB,\"Vase,https://x.example/b.jpg\n");
		Result failed = run("import", "--catalog", broken.toString(), "--merchant", "mend");
		assertThat(failed.exitCode()).isOne();
		assertThat(failed.summary().get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.stderr()).contains("resume-import --import " + failed.summary().get("import").asLong());
		Files.writeString(broken, "sku,title,image\nA,Lamp,https://x.example/a.jpg\nB,Vase,https://x.example/b.jpg\n");
		Result mended = run("resume-import", "--import", failed.summary().get("import").asString());
		assertThat(mended.exitCode()).as(mended.stderr()).isZero();
		assertThat(mended.summary().get("products").asInt()).isEqualTo(2);

		Path binary = Files.write(this.workdir.resolve("photo.csv"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0 });
		Result refused = run("import", "--catalog", binary.toString(), "--merchant", "shop");
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.stderr().lines()).singleElement().asString().startsWith("error: ").contains("binary data");
	}

	@Test
	void shouldConnectAShopAndImportItWithTheTokenFromTheEnvironment() throws Exception {
		WireMockServer shop = new WireMockServer(options().dynamicPort());
		shop.start();
		try {
			// a read is checked against Shopify's own count
			shop.stubFor(post(urlEqualTo("/admin/api/2025-10/graphql.json"))
				.withHeader("X-Shopify-Access-Token", equalTo("shpat_from_env"))
				.withRequestBody(containing("productsCount"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"data\":{\"productsCount\":{\"count\":1}}}")));
			shop.stubFor(post(urlEqualTo("/admin/api/2025-10/graphql.json"))
				.withHeader("X-Shopify-Access-Token", equalTo("shpat_from_env"))
				.withRequestBody(containing("query Products"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody(
							"""
									{"data":{"products":{"pageInfo":{"hasNextPage":false,"endCursor":"c1"},"nodes":[
									 {"id":"gid://shopify/Product/1","handle":"desk-lamp","title":"Desk Lamp","descriptionHtml":"",
									  "vendor":"Lumen","productType":"Lamp","tags":[],"status":"ACTIVE","category":null,"options":[],
									  "variantsCount":{"count":1},"priceRangeV2":{"minVariantPrice":{"amount":"49.0","currencyCode":"EUR"}},
									  "media":{"nodes":[{"id":"gid://shopify/MediaImage/1","mediaContentType":"IMAGE",
									   "image":{"url":"https://cdn.shopify.com/s/files/1/desk.jpg"}}]}}]}},
									 "extensions":{"cost":{"requestedQueryCost":12,"actualQueryCost":12,
									  "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1988,"restoreRate":100.0}}}}""")));

			Result connected = run("shopify-connect", "--merchant", "lumen-eu", "--shop", shop.baseUrl());
			Result tokenless = run("import", "--shopify", "--merchant", "lumen-eu", "--read", "paged");
			Result imported = run(Map.of("P2P_SHOPIFY_TOKEN_LUMEN_EU", "shpat_from_env"), "import", "--shopify",
					"--merchant", "lumen-eu", "--read", "paged");

			assertThat(connected.exitCode()).as(connected.stderr()).isZero();
			assertThat(connected.summary().get("token_variable").asString()).isEqualTo("P2P_SHOPIFY_TOKEN_LUMEN_EU");
			assertThat(tokenless.exitCode()).isEqualTo(2);
			assertThat(tokenless.stderr()).contains("set the environment variable P2P_SHOPIFY_TOKEN_LUMEN_EU");
			assertThat(imported.exitCode()).as(imported.stderr()).isZero();
			assertThat(imported.summary().get("new").asInt()).isOne();
			assertThat(imported.stdout() + imported.stderr()).doesNotContain("shpat_from_env");
		}
		finally {
			shop.stop();
		}
	}

	@Test
	void shouldRenderThroughTheTinyPipelineAlikeOnTwoFreshDatabases() throws Exception {
		Path tiny = Path.of("..", "models", "src", "test", "resources", "tiny-sd").toAbsolutePath().normalize();
		Path catalog = SampleCatalogs.firstProducts(this.workdir.resolve("small"), 2);

		Result first = run("run", "--catalog", catalog.toString(), "--model-dir", tiny.toString(), "--out", "first");
		Result second = run(Map.of("P2P_DATA_DIR", this.workdir.resolve("other-data").toString()), "run", "--catalog",
				catalog.toString(), "--model-dir", tiny.toString(), "--out", "second");
		Result missing = run("run", "--catalog", catalog.toString(), "--model-dir", "no-such-pipeline");

		assertThat(first.exitCode()).as(first.stderr()).isZero();
		assertThat(second.exitCode()).as(second.stderr()).isZero();
		assertThat(first.summary().get("backend").asString()).isEqualTo("djl");
		assertThat(first.summary().get("images").asInt()).isEqualTo(8);
		assertThat(second.summary().get("run").asLong()).as("a fresh database").isOne();
		Manifest.of(this.workdir.resolve("first")).assertEveryImageListedOnceWithItsChecksum(8, "djl");
		try (var images = Files.walk(this.workdir.resolve("first"))) {
			for (Path image : images.filter((file) -> file.toString().endsWith(".png")).toList()) {
				Path twin = this.workdir.resolve("second").resolve(this.workdir.resolve("first").relativize(image));
				assertThat(twin).as("same seed, same pipeline, same device").hasSameBinaryContentAs(image);
			}
		}
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.stderr()).contains("no-such-pipeline does not exist");
	}

	@Test
	void shouldExplainAnUnknownOption() throws Exception {
		Result result = run("run", "--catalog", "x.csv", "--colour", "red");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains("Unknown options: '--colour', 'red'");
	}

	@Test
	void shouldListEveryBackendAndPrintTheSummaryLineWhenOneIsNotConfigured() throws Exception {
		assertThat(run("run", "--help").stdout()).contains("one of compositor, djl, a1111, openai");

		Result unconfigured = run("run", "--catalog", SampleCatalogs.SAMPLES.resolve("catalog.csv").toString(),
				"--backend", "a1111");

		assertThat(unconfigured.exitCode()).isEqualTo(1);
		assertThat(unconfigured.summary().get("status").asString()).isEqualTo("FAILED");
		assertThat(unconfigured.summary().get("failure").asString()).contains("a1111 needs p2p.generate.url");
		assertThat(unconfigured.stderr().lines().filter((line) -> line.startsWith("error: ")))
			.containsExactly("error: backend a1111 needs p2p.generate.url, the server's base URL");
	}

	private static String[] concat(String first, String... rest) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(rest));
		return all.toArray(String[]::new);
	}

	private static int port(Path log) {
		String tomcat = awaitLine(log, "Tomcat started on port ");
		return Integer.parseInt(tomcat.replaceAll(".*Tomcat started on port (\\d+).*", "$1"));
	}

	/** A new API key of the merchant, made through the admin API. */
	private static String createKey(int port, String admin, String merchant) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(
						URI.create("http://127.0.0.1:" + port + "/api/v1/admin/merchants/" + merchant + "/api-keys"))
				.header("Authorization", admin)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"upload\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("key").asString();
	}

	/** A multipart upload, as a browser sends it; the import's id. */
	private static long upload(int port, String key, String fileName, String csv) throws Exception {
		String boundary = "----p2pBoundary" + System.nanoTime();
		byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/catalog-imports"))
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return JSON.readTree(response.body()).get("import").asLong();
	}

	/** The import's status, asked for with the key in {@code keys} under its id. */
	private static JsonNode importStatus(int port, Map<Long, String> keys, long id) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/catalog-imports/" + id))
				.header("Authorization", "Bearer " + keys.get(id))
				.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	private Result run(String... args) throws IOException, InterruptedException {
		return run(Map.of(), args);
	}

	private Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		return new Jar(this.workdir).run(environment, args);
	}

	private Process start(Path log, String... args) throws IOException {
		return new Jar(this.workdir).start(log, Map.of(), args);
	}

	private static String awaitLine(Path log, String text) {
		return Jar.awaitLine(log, text);
	}

	private static long pngs(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (var files = Files.walk(folder)) {
			return files.filter((file) -> file.toString().endsWith(".png")).count();
		}
	}

}
