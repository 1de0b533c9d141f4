package com.prompt2pixel.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Feeds {@link LeakWatch}: every response's status, headers and text body (before any
 * other filter, so the security chain's answers too), and every log line with its stack
 * trace.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LeakWatchConfiguration {

	private static final AtomicBoolean LOGS_WATCHED = new AtomicBoolean();

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> leakWatchFilter() {
		watchLogs();
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String accept = request.getHeader("Accept");
						if (accept != null && accept.contains("text/event-stream")) {
							// an event stream cannot be held back to be read at its end;
							// its events are fragments of pages, which are read
							chain.doFilter(request, response);
							return;
						}
						ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
						try {
							chain.doFilter(request, wrapper);
						}
						finally {
							StringBuilder seen = new StringBuilder().append(wrapper.getStatus()).append('\n');
							for (String header : wrapper.getHeaderNames()) {
								seen.append(header).append(": ").append(wrapper.getHeaders(header)).append('\n');
							}
							String type = wrapper.getContentType();
							if (type == null || type.startsWith("text/") || type.contains("json")
									|| type.contains("xml")) {
								seen.append(new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
							}
							LeakWatch.response(request.getMethod() + " " + request.getRequestURI(), seen.toString());
							wrapper.copyBodyToResponse();
						}
					}

				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Once per JVM, whichever test application starts first. */
	private static void watchLogs() {
		if (!LOGS_WATCHED.compareAndSet(false, true)) {
			return;
		}
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

			@Override
			protected void append(ILoggingEvent event) {
				String message = event.getFormattedMessage();
				LeakWatch.log((event.getThrowableProxy() != null)
						? message + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()) : message);
			}

		};
		appender.setContext(context);
		appender.setName("leak-watch");
		appender.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
	}

}
