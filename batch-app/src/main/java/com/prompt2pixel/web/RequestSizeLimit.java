package com.prompt2pixel.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.prompt2pixel.system.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a limit, checked before it is buffered: a declared
 * {@code Content-Length} over it is answered 413 without reading a byte, and a chunked
 * body is read only up to it. Catalog uploads (multipart) go by
 * {@code p2p.upload.max-size}, which the multipart parser enforces as it streams
 * ({@link UploadLimit} words its 413); Shopify webhooks by
 * {@code p2p.shopify.webhook-max-size} (the body must be whole to check its signature, so
 * this is what bounds the memory of unsigned posts); everything else by
 * {@code p2p.web.max-request-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

	private final DataSize webhookLimit;

	private final DataSize defaultLimit;

	RequestSizeLimit(@Value("${p2p.shopify.webhook-max-size}") DataSize webhookLimit,
			@Value("${p2p.web.max-request-size}") DataSize defaultLimit) {
		this.webhookLimit = webhookLimit;
		this.defaultLimit = defaultLimit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentType() != null
				&& request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		boolean webhook = request.getRequestURI().startsWith("/webhooks/");
		String property = webhook ? "p2p.shopify.webhook-max-size" : "p2p.web.max-request-size";
		DataSize limit = webhook ? this.webhookLimit : this.defaultLimit;
		long declared = request.getContentLengthLong();
		if (declared > limit.toBytes()) {
			refuse(response, limit, property);
			return;
		}
		if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
			// the container reads no more than was declared
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limit.toBytes()) + 1);
		if (body.length > limit.toBytes()) {
			refuse(response, limit, property);
			return;
		}
		chain.doFilter(new BufferedBody(request, body), response);
	}

	private static void refuse(HttpServletResponse response, DataSize limit, String property) throws IOException {
		response.setHeader("Connection", "close");
		Problems.write(response, HttpStatus.CONTENT_TOO_LARGE,
				"the request is larger than the limit of " + inWords(limit) + " (" + property + ")");
	}

	static String inWords(DataSize limit) {
		long bytes = limit.toBytes();
		return (bytes >= 1024 * 1024) ? limit.toMegabytes() + " MB" : limit.toKilobytes() + " KB";
	}

	/** A chunked body read within the limit, handed on as if it were being read. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return available() == 0;
				}

				@Override
				public int available() {
					try {
						return in.available();
					}
					catch (IOException ex) {
						return 0;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body was read already");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
