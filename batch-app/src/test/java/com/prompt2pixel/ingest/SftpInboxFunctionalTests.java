package com.prompt2pixel.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.prompt2pixel.support.FunctionalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox on a real SFTP server (Apache MINA SSHD): a merchant's feed dropped there is
 * imported as the folder inbox imports it, and moved to done/ or failed/ on the server
 * with its reports beside it.
 */
class SftpInboxFunctionalTests extends FunctionalTest {

	private Path inbox;

	/** The route's own folder on the server: each application context has its own. */
	@Autowired
	void inbox(InboxProperties properties) {
		this.inbox = SFTP.root().resolve(properties.sftp().directory());
	}

	@Test
	void shouldImportAFeedDroppedOnTheServerAndMoveItToDone() throws Exception {
		drop("sftp-shop", "nightly.csv",
				"sku,title,image\nS1,Lamp,https://x.example/a.jpg\nS2,Vase,https://x.example/b.jpg\n");

		Path done = InboxFeeds.awaitFile(this.inbox.resolve("done/sftp-shop/nightly.csv"));

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
		drop("sftp-bad", "catalog.csv", InboxFeeds.mostlyUntitled());
		drop("sftp-bad", "photo.csv", "\u0000\u0001binary");

		Path failed = InboxFeeds.awaitFile(this.inbox.resolve("failed/sftp-bad/catalog.csv"));
		Path refused = InboxFeeds.awaitFile(this.inbox.resolve("failed/sftp-bad/photo.csv"));

		InboxFeeds.assertReportedBeside(failed);
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

}
