package com.prompt2pixel.web;

import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.prompt2pixel.ingest.IngestProperties;
import com.prompt2pixel.ingest.UploadStorage;
import com.prompt2pixel.support.FunctionalTest;
import com.prompt2pixel.support.MerchantApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Uploads that cannot fill the disk: each merchant's held to its quota (507, nothing
 * kept), and old ones removed after the retention period unless something still reads
 * them; a run of a removed upload is refused with the reason.
 */
class UploadStorageFunctionalTests extends FunctionalTest {

	private static final String CSV = "sku,title,image\nA-1,Vase,https://x.example/a.jpg\n";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	UploadStorage storage;

	@Autowired
	IngestProperties ingest;

	@Test
	void shouldRefuseAnUploadThatWouldGoOverTheMerchantsQuotaKeepingNothing() throws Exception {
		String merchant = "uploads-full";
		MerchantApi api = new MerchantApi(this.port, bearer(merchant), this.json);
		assertThat(api.upload("first.csv", CSV.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
		Path merchantUploads = this.ingest.uploadsDir().resolve(merchant);
		// what earlier uploads (photos in ZIPs) took: the quota's worth, sparse
		Path earlier = Files.createDirectories(merchantUploads.resolve("earlier")).resolve("photos.bin");
		try (RandomAccessFile file = new RandomAccessFile(earlier.toFile(), "rw")) {
			file.setLength(UPLOAD_QUOTA_MB * 1024L * 1024L);
		}
		long folders;
		try (var listed = Files.list(merchantUploads)) {
			folders = listed.count();
		}

		HttpResponse<String> refused = api.upload("second.csv", CSV.getBytes(StandardCharsets.UTF_8));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.json(refused).get("detail").asString())
			.startsWith("the merchant's uploads would take 4 MB of its quota of 4 MB (p2p.upload.quota)")
			.doesNotContain(merchantUploads.toString());
		try (var listed = Files.list(merchantUploads)) {
			assertThat(listed.count()).as("the refused upload not kept").isEqualTo(folders);
		}
	}

	@Test
	void shouldRemoveOldUploadsButTheLastCatalogAndRefuseToRunARemovedOne() throws Exception {
		String merchant = "uploads-old";
		MerchantApi api = new MerchantApi(this.port, bearer(merchant), this.json);
		long old = completedImport(api, "old.csv");
		long last = completedImport(api, "last.csv");
		this.jdbc.update("UPDATE catalog_import SET created_at = now() - interval '40 days' WHERE id IN (?, ?)", old,
				last);
		// the merchant's last completed catalog, what a nightly run replays
		long recent = completedImport(api, "recent.csv");
		Path oldFile = file(old);
		Path lastFile = file(last);
		Path recentFile = file(recent);

		this.storage.sweep();

		assertThat(oldFile).doesNotExist();
		assertThat(oldFile.getParent()).doesNotExist();
		assertThat(lastFile).as("past the retention too, and no longer the last catalog").doesNotExist();
		assertThat(recentFile).as("new, and the merchant's last catalog").exists();
		assertThat(this.jdbc.queryForObject("SELECT file_removed_at IS NOT NULL FROM catalog_import WHERE id = ?",
				Boolean.class, old))
			.isTrue();
		assertThat(api.detail(api.post("/api/v1/runs", "{\"catalog_import\": " + old + "}")))
			.isEqualTo("catalog import " + old
					+ "'s upload was removed after the retention period (p2p.upload.retention); upload the catalog again");
		assertThat(api.json(api.get("/api/v1/catalog-imports/" + old)).get("status").asString()).as("its record stays")
			.isEqualTo("COMPLETED");
	}

	@Test
	void shouldKeepTheLastCompletedCatalogWhateverItsAge() throws Exception {
		String merchant = "uploads-kept";
		MerchantApi api = new MerchantApi(this.port, bearer(merchant), this.json);
		long only = completedImport(api, "only.csv");
		this.jdbc.update("UPDATE catalog_import SET created_at = now() - interval '400 days' WHERE id = ?", only);

		this.storage.sweep();

		assertThat(file(only)).as("the nightly run replays it").exists();
	}

	private long completedImport(MerchantApi api, String name) throws Exception {
		HttpResponse<String> response = api.upload(name, CSV.getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		long id = api.json(response).get("import").asLong();
		await().until(() -> api.json(api.get("/api/v1/catalog-imports/" + id)).get("status").asString(),
				"COMPLETED"::equals);
		return id;
	}

	private Path file(long catalogImport) {
		return Path.of(this.jdbc.queryForObject("SELECT file_path FROM catalog_import WHERE id = ?", String.class,
				catalogImport));
	}

}
