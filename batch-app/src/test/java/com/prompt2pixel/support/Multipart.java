package com.prompt2pixel.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data request as a browser sends it: one file part, named "file". */
public final class Multipart {

	private static final String BOUNDARY = "----p2pBoundary7MA4YWxkTrZu0gW";

	private Multipart() {
	}

	/** The request's Content-Type header. */
	public static String contentType() {
		return "multipart/form-data; boundary=" + BOUNDARY;
	}

	public static HttpRequest.BodyPublisher file(String fileName, String contentType, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
	}

	public static HttpRequest.BodyPublisher file(String fileName, String csv) {
		return file(fileName, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

}
