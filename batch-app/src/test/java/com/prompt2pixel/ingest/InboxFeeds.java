package com.prompt2pixel.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the inbox tests drop, and what they expect of it, wherever the inbox is. */
final class InboxFeeds {

	private InboxFeeds() {
	}

	/** A catalog of 8 rows, 6 of them without a title: too many to import. */
	static String mostlyUntitled() {
		List<String> rows = new ArrayList<>(List.of("sku,title,image"));
		for (int i = 0; i < 8; i++) {
			rows.add("K" + i + "," + ((i < 6) ? "" : "Title") + ",https://x.example/" + i + ".jpg");
		}
		return String.join("\n", rows) + "\n";
	}

	/** The reports beside {@link #mostlyUntitled()} once it has failed. */
	static void assertReportedBeside(Path failed) throws IOException {
		String name = failed.getFileName().toString();
		assertThat(Files.readAllLines(failed.resolveSibling(name + ".errors.csv"))).containsExactly(
				"row,column,problem", "2,title,is empty", "3,title,is empty", "4,title,is empty", "5,title,is empty",
				"6,title,is empty", "7,title,is empty");
		assertThat(Files.readString(failed.resolveSibling(name + ".error.txt"))).contains("6 of 8 rows have problems");
	}

	static Path awaitFile(Path file) {
		await(file + " appearing").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Files.exists(file));
		return file;
	}

}
