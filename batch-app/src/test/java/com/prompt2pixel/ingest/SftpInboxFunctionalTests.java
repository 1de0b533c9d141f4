package com.prompt2pixel.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.prompt2pixel.support.FunctionalTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox on a real SFTP server (Apache MINA SSHD): a merchant's feed dropped there is
 * imported as the folder inbox imports it, and moved to done/ or failed/ on the server
 * with its reports beside it.
 */
class SftpInboxFunctionalTests extends FunctionalTest {

	private final Path inbox = SFTP.root().resolve("inbox");

	@Test
	void shouldImportAFeedDroppedOnTheServerAndMoveItToDone() throws Exception {
		drop("sftp-shop", "nightly.csv",
				"sku,title,image\nS1,Lamp,https://x.example/a.jpg\nS2,Vase,https://x.example/b.jpg\n");

		Path done = awaitFile(this.inbox.resolve("done/sftp-shop/nightly.csv"));

		assertThat(done)
			.hasContent("sku,title,image\nS1,Lamp,https://x.example/a.jpg\nS2,Vase,https://x.example/b.jpg");
		assertThat(this.inbox.resolve("sftp-shop/nightly.csv")).doesNotExist();
		assertThat(this.jdbc.queryForList(
				"SELECT source_key FROM product WHERE merchant_id = 'sftp-shop' ORDER BY source_key", String.class))
			.containsExactly("S1", "S2");
		assertThat(Path.of(this.jdbc
			.queryForObject("SELECT file_path FROM catalog_import WHERE merchant_id = 'sftp-shop'", String.class)))
			.as("imported from its staged copy, which stays for a resumed import")
			.isRegularFile()
			.hasFileName(Path
				.of(this.jdbc.queryForObject("SELECT file_path FROM catalog_import WHERE merchant_id = 'sftp-shop'",
						String.class))
				.getFileName()
				.toString());
	}

	@Test
	void shouldMoveAFailedFeedToFailedOnTheServerWithItsReportsBeside() throws Exception {
		List<String> rows = new ArrayList<>(List.of("sku,title,image"));
		for (int i = 0; i < 8; i++) {
			rows.add("K" + i + "," + ((i < 6) ? "" : "Title") + ",https://x.example/" + i + ".jpg");
		}
		drop("sftp-bad", "catalog.csv", String.join("\n", rows) + "\n");
		drop("sftp-bad", "photo.csv", "\u0000\u0001binary");

		Path failed = awaitFile(this.inbox.resolve("failed/sftp-bad/catalog.csv"));
		Path refused = awaitFile(this.inbox.resolve("failed/sftp-bad/photo.csv"));

		assertThat(Files.readAllLines(failed.resolveSibling("catalog.csv.errors.csv"))).containsExactly(
				"row,column,problem", "2,title,is empty", "3,title,is empty", "4,title,is empty", "5,title,is empty",
				"6,title,is empty", "7,title,is empty");
		assertThat(Files.readString(failed.resolveSibling("catalog.csv.error.txt")))
			.contains("6 of 8 rows have problems");
		assertThat(Files.readString(refused.resolveSibling("photo.csv.error.txt")))
			.as("named as the merchant named it, without a path of the server's")
			.startsWith("catalog photo.csv is not a text file (it contains binary data)")
			.doesNotContain("/");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM product WHERE merchant_id = 'sftp-bad'", Long.class))
			.isZero();
	}

	/** Written beside the inbox and moved in, as a careful uploader does. */
	private void drop(String merchant, String name, String content) throws IOException {
		Path folder = Files.createDirectories(this.inbox.resolve(merchant));
		Path partial = Files.writeString(SFTP.root().resolve(merchant + "-" + name + ".partial"), content);
		Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

	private static Path awaitFile(Path file) {
		await(file + " appearing").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Files.exists(file));
		return file;
	}

}
