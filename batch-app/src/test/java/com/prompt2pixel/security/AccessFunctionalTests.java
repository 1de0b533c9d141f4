package com.prompt2pixel.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.prompt2pixel.support.FunctionalTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys and staff accounts over real HTTP: a key works until it is revoked, is stored
 * only as a hash, and is managed by admins through the admin API; staff sign in with the
 * login form (CSRF token, session cookie flags) and are locked out after repeated
 * failures; bad bodies are refused naming the field.
 */
class AccessFunctionalTests extends FunctionalTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApiKeys keys;

	@Autowired
	JsonMapper json;

	@Test
	void shouldAcceptAKeyUntilItIsRevokedAndKeepOnlyItsHash() throws Exception {
		NewApiKey created = this.keys.create("access-revoke", "ci script");

		assertThat(created.secret()).matches("p2p_[A-Za-z0-9_-]{43}");
		assertThat(created.key().prefix()).isEqualTo(created.secret().substring(0, 12));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM api_key WHERE secret_sha256 LIKE ? OR prefix = ?",
				Long.class, "%" + created.secret().substring(4) + "%", created.secret()))
			.as("the key itself is nowhere in the table")
			.isZero();
		assertThat(get("/api/v1/runs/987654", "Bearer " + created.secret()).statusCode()).isEqualTo(404);

		this.keys.revoke(created.key().id());

		HttpResponse<String> refused = get("/api/v1/runs/987654", "Bearer " + created.secret());
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		assertThat(this.json.readTree(refused.body()).get("detail").asString()).contains("not valid");
		assertThat(get("/api/v1/runs/987654", "Bearer p2p_made-up").statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/runs/987654", "Basic " + created.secret()).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldLetAnAdminCreateListAndRevokeKeysThroughTheApi() throws Exception {
		String admin = basic(StaffRole.ADMIN);

		HttpResponse<String> created = send("POST", "/api/v1/admin/merchants/access-admin/api-keys", admin,
				"{\"name\": \"pim\"}");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode key = this.json.readTree(created.body());
		assertThat(key.get("merchant").asString()).isEqualTo("access-admin");
		assertThat(key.get("name").asString()).isEqualTo("pim");
		String secret = key.get("key").asString();
		assertThat(get("/api/v1/runs/987654", "Bearer " + secret).statusCode()).isEqualTo(404);
		HttpResponse<String> listed = get("/api/v1/admin/merchants/access-admin/api-keys", admin);
		assertThat(listed.body()).contains(key.get("prefix").asString()).doesNotContain(secret);

		HttpResponse<String> revoked = send("DELETE", "/api/v1/admin/api-keys/" + key.get("id").asLong(), admin, null);

		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(revoked.body()).get("revoked_at").isNull()).isFalse();
		assertThat(get("/api/v1/runs/987654", "Bearer " + secret).statusCode()).isEqualTo(401);
		assertThat(send("DELETE", "/api/v1/admin/api-keys/987654", admin, null).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRefuseBadBodiesNamingTheProblem() throws Exception {
		String admin = basic(StaffRole.ADMIN);
		String path = "/api/v1/admin/merchants/access-bad/api-keys";

		HttpResponse<String> unknownField = send("POST", path, admin, "{\"name\": \"x\", \"scope\": \"all\"}");
		HttpResponse<String> malformed = send("POST", path, admin, "{\"name\": ");
		HttpResponse<String> wrongType = send("POST", path, admin, "{\"name\": {\"a\": 1}}");
		HttpResponse<String> badMerchant = send("POST", "/api/v1/admin/merchants/Not%20An%20Id/api-keys", admin, "{}");
		HttpResponse<String> notJson = this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", admin)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("name=x"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(unknownField.statusCode()).isEqualTo(400);
		assertThat(detail(unknownField)).isEqualTo("unknown field 'scope'");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(detail(malformed)).isEqualTo("the body is not valid JSON");
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(detail(wrongType)).startsWith("field 'name'");
		assertThat(badMerchant.statusCode()).isEqualTo(400);
		assertThat(detail(badMerchant)).contains("merchant id 'Not An Id'");
		assertThat(notJson.statusCode()).isEqualTo(415);
		for (HttpResponse<String> response : List.of(unknownField, malformed, wrongType, badMerchant, notJson)) {
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("/tmp/");
		}
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldLockAStaffAccountAfterRepeatedFailedLogins() throws Exception {
		String email = staff(StaffRole.ADMIN);
		String right = "Basic " + base64(email + ":" + STAFF_PASSWORD);
		String wrong = "Basic " + base64(email + ":not-the-password");

		for (int i = 0; i < 5; i++) {
			assertThat(get("/api/v1/admin/merchants/access-lock/api-keys", wrong).statusCode()).isEqualTo(401);
		}

		assertThat(get("/api/v1/admin/merchants/access-lock/api-keys", right).statusCode())
			.as("locked: even the right password is refused")
			.isEqualTo(401);
		assertThat(this.jdbc.queryForObject(
				"SELECT locked_until > now() + interval '14 minutes' FROM staff_account WHERE email = ?", Boolean.class,
				email))
			.isTrue();

		// the lock runs out
		this.jdbc.update("UPDATE staff_account SET locked_until = now() - interval '1 second' WHERE email = ?", email);

		assertThat(get("/api/v1/admin/merchants/access-lock/api-keys", right).statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("SELECT failed_logins FROM staff_account WHERE email = ?", Integer.class,
				email))
			.isZero();
	}

	@Test
	void shouldSignStaffInWithTheLoginFormAndItsCsrfToken() throws Exception {
		String email = staff(StaffRole.OPERATOR);
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher token = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).as(page.body()).isTrue();
		String session = sessionCookie(page);

		HttpResponse<String> withoutToken = login(session, email, STAFF_PASSWORD, null);
		HttpResponse<String> signedIn = login(session, email, STAFF_PASSWORD, token.group(1));

		assertThat(withoutToken.statusCode()).as("CSRF token missing").isEqualTo(403);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/"));
		String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(setCookie).as("a new session on sign-in").startsWith("JSESSIONID=").doesNotContain(session);
		assertThat(setCookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
	}

	/**
	 * No other site's page may call the API from a browser: no cross-origin grant on a
	 * preflight or on an answer, whichever origin asks.
	 */
	@Test
	void shouldGrantNoOtherOriginAccessFromABrowser() throws Exception {
		for (String path : List.of("/api/v1/runs", "/api/v1/admin/merchants/cors/api-keys", "/login")) {
			HttpResponse<String> preflight = this.http.send(HttpRequest.newBuilder(uri(path))
				.header("Origin", "https://shop.evil.example")
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "authorization, content-type")
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
			// without a grant the browser refuses the call, whatever the status
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(path + " preflight").isEmpty();
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).as(path + " preflight")
				.isEmpty();
			HttpResponse<String> read = this.http.send(HttpRequest.newBuilder(uri(path))
				.header("Origin", "https://shop.evil.example")
				.header("Authorization", bearer("cors-merchant"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
		}
	}

	private HttpResponse<String> login(String session, String email, String password, String csrf) throws Exception {
		String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8)
				+ ((csrf != null) ? "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) : "");
		return this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", "JSESSIONID=" + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The session cookie as the server set it: sent back by hand, since it is Secure. */
	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.flatMap((header) -> HttpCookie.parse(header).stream())
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private String detail(HttpResponse<String> response) {
		return this.json.readTree(response.body()).get("detail").asString();
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		return send("GET", path, authorization, null);
	}

	private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
