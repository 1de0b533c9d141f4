package com.prompt2pixel.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.prompt2pixel.connectors.catalog.CatalogOptions;
import com.prompt2pixel.support.FunctionalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code serve} that is no node of the cluster ({@code p2p.schedule.dispatch} off)
 * still imports what it is sent: it takes its own queue entries.
 */
@TestPropertySource(properties = "p2p.schedule.dispatch=false")
class ImportQueueWithoutDispatchFunctionalTests extends FunctionalTest {

	@Autowired
	CatalogImportService imports;

	@TempDir
	Path folder;

	@Test
	void shouldImportItsOwnQueuedUploadWithoutBeingANode() throws IOException {
		Path file = Files.writeString(this.folder.resolve("c.csv"),
				"sku,title,image\nA,Lamp,https://x.example/a.jpg\n");

		long id = this.imports.queue(new ImportRequest("no-node", file, CatalogOptions.DETECT));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.imports.summary(id).orElseThrow().status(), ImportStatus.COMPLETED::is);
		assertThat(this.jdbc.queryForObject("SELECT node_id FROM catalog_import WHERE id = ?", String.class, id))
			.startsWith("process-");
	}

}
