package com.prompt2pixel.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A multipart/form-data request as a browser sends it: one file part (named "file" unless
 * said otherwise), and form fields beside it.
 */
public final class Multipart {

	private static final String BOUNDARY = "----p2pBoundary7MA4YWxkTrZu0gW";

	private Multipart() {
	}

	/** The request's Content-Type header. */
	public static String contentType() {
		return "multipart/form-data; boundary=" + BOUNDARY;
	}

	public static HttpRequest.BodyPublisher file(String fileName, String contentType, byte[] content) {
		return form("file", fileName, contentType, content, Map.of());
	}

	/** The file in part {@code part}, after the fields in their order. */
	public static HttpRequest.BodyPublisher form(String part, String fileName, String contentType, byte[] content,
			Map<String, String> fields) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
	}

	public static HttpRequest.BodyPublisher file(String fileName, String csv) {
		return file(fileName, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

}
