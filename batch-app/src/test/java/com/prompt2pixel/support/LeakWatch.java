package com.prompt2pixel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the functional tests' application answered and logged, kept so that one test at
 * the end can search it all: no response may show a server folder or a secret, no log
 * line a secret. Responses come from {@link LeakWatchConfiguration}'s filter, log lines
 * from its appender; secrets and folders are added by the tests that make them.
 */
public final class LeakWatch {

	/** The most kept of one response or log line: leaks show near the start. */
	private static final int KEEP = 64 * 1024;

	private static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();

	private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

	private static final Set<String> FOLDERS = ConcurrentHashMap.newKeySet();

	private static final AtomicLong RESPONSES = new AtomicLong();

	private static final AtomicLong LOG_LINES = new AtomicLong();

	private LeakWatch() {
	}

	/** A text no response and no log line may hold. */
	public static void secret(String secret) {
		if (secret != null && secret.length() >= 8) {
			SECRETS.add(secret);
		}
	}

	/** A server folder no response may name. */
	public static void folder(String folder) {
		FOLDERS.add(folder);
	}

	static void response(String request, String text) {
		RESPONSES.incrementAndGet();
		SEEN.add(new Seen(true, request, cut(text)));
	}

	static void log(String text) {
		LOG_LINES.incrementAndGet();
		SEEN.add(new Seen(false, "log", cut(text)));
	}

	public static long responses() {
		return RESPONSES.get();
	}

	public static long logLines() {
		return LOG_LINES.get();
	}

	/** Each leak found: where, and what it showed. */
	public static List<String> leaks() {
		List<String> leaks = new ArrayList<>();
		for (Seen seen : SEEN) {
			for (String secret : SECRETS) {
				if (seen.text().contains(secret)) {
					leaks.add("a secret (" + secret.substring(0, 4) + "…) in " + seen.where());
				}
			}
			if (seen.response()) {
				for (String folder : FOLDERS) {
					int at = seen.text().indexOf(folder);
					if (at >= 0) {
						leaks.add("the server folder " + folder + " in the answer to " + seen.where() + ": …"
								+ seen.text().substring(Math.max(0, at - 80), Math.min(seen.text().length(), at + 120))
								+ "…");
					}
				}
			}
		}
		return leaks;
	}

	private static String cut(String text) {
		return (text.length() > KEEP) ? text.substring(0, KEEP) : text;
	}

	private record Seen(boolean response, String where, String text) {
	}

}
