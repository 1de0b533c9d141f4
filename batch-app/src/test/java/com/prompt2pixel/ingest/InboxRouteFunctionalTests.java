package com.prompt2pixel.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.prompt2pixel.support.FunctionalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class InboxRouteFunctionalTests extends FunctionalTest {

	Path inbox;

	/** The route's own folder: the test's data folder is resolved anew at each lookup. */
	@Autowired
	void inbox(InboxProperties properties) {
		this.inbox = properties.dir().toAbsolutePath().normalize();
	}

	@Test
	void shouldImportADroppedCatalogAndMoveItToDone() throws Exception {
		drop("inbox-shop", "catalog.csv",
				"sku,title,image\nA,Lamp,https://x.example/a.jpg\nB,Vase,https://x.example/b.jpg\n");

		Path done = InboxFeeds.awaitFile(this.inbox.resolve("done/inbox-shop/catalog.csv"));

		assertThat(done).isRegularFile();
		assertThat(this.inbox.resolve("inbox-shop/catalog.csv")).doesNotExist();
		assertThat(this.jdbc.queryForList(
				"SELECT source_key FROM product WHERE merchant_id = 'inbox-shop' " + "ORDER BY source_key",
				String.class))
			.containsExactly("A", "B");
	}

	@Test
	void shouldMoveAFailedImportToFailedWithItsReportBeside() throws Exception {
		drop("inbox-bad", "catalog.csv", InboxFeeds.mostlyUntitled());
		drop("inbox-bad", "photo.csv", "\u0000\u0001binary");

		Path failed = InboxFeeds.awaitFile(this.inbox.resolve("failed/inbox-bad/catalog.csv"));
		Path refused = InboxFeeds.awaitFile(this.inbox.resolve("failed/inbox-bad/photo.csv"));

		InboxFeeds.assertReportedBeside(failed);
		assertThat(Files.readString(refused.resolveSibling("photo.csv.error.txt"))).contains("binary data");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM product WHERE merchant_id = 'inbox-bad'", Long.class))
			.isZero();
	}

	/** Written beside the inbox and moved in, as a careful uploader does. */
	private void drop(String merchant, String name, String content) throws IOException {
		Path folder = Files.createDirectories(this.inbox.resolve(merchant));
		Path partial = Files.writeString(this.inbox.resolveSibling(name + ".partial"), content);
		Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

}
