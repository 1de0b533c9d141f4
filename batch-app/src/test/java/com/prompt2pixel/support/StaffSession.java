package com.prompt2pixel.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session with the web admin over plain HTTP: the session cookie, and the
 * CSRF token of the last page read, sent with each form as a browser would. Redirects are
 * not followed, so a test sees each answer.
 */
public final class StaffSession {

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/**
	 * The session's cookies, kept here: the server marks them {@code Secure}, which a
	 * browser sends to {@code http://localhost} but the JDK's cookie manager does not.
	 */
	private final Map<String, String> cookies = new ConcurrentHashMap<>();

	private final int port;

	private String csrf;

	private StaffSession(int port) {
		this.port = port;
	}

	/** A session of no one yet: the login page was read, so it holds a CSRF token. */
	public static StaffSession anonymous(int port) throws IOException, InterruptedException {
		StaffSession session = new StaffSession(port);
		session.get("/login");
		return session;
	}

	/** A signed-in session of the account. */
	public static StaffSession signedIn(int port, String email, String password)
			throws IOException, InterruptedException {
		StaffSession session = anonymous(port);
		HttpResponse<String> login = session.post("/login", Map.of("username", email, "password", password));
		assertThat(login.headers().firstValue("Location")).as("signed in: %d %s", login.statusCode(), login.body())
			.hasValueSatisfying((location) -> {
				assertThat(location).doesNotContain("error");
			});
		session.get("/");
		return session;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(request(path).GET(), HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return response;
	}

	/** An event stream, open until its body is closed. */
	public HttpResponse<InputStream> open(String path) throws IOException, InterruptedException {
		return send(request(path).setHeader("Accept", "text/event-stream").GET(),
				HttpResponse.BodyHandlers.ofInputStream());
	}

	/** A file (an image), as the page's {@code img} asks for it. */
	public HttpResponse<byte[]> file(String path, String ifNoneMatch) throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).setHeader("Accept", "image/*");
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return send(request.GET(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A form as the page's own: with the session's CSRF token. */
	public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			form.put("_csrf", this.csrf);
		}
		String body = form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
			throws IOException, InterruptedException {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		HttpResponse<T> response = this.http.send(request.build(), body);
		for (String cookie : response.headers().allValues("Set-Cookie")) {
			String pair = cookie.split(";", 2)[0];
			int equals = pair.indexOf('=');
			this.cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
		}
		return response;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "text/html");
	}

}
