package com.prompt2pixel.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunRequestCheckTest {

	@TempDir
	Path folder;

	@Test
	void shouldAcceptTheSampleCatalog() {
		assertThatCode(
				() -> RunRequestCheck.check(new RunRequest("demo", Path.of("../samples/catalog.csv"), null, 1, null)))
			.doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAMerchantIdThatIsNotASlug() {
		assertThatThrownBy(() -> RunRequestCheck.check(request("Acme Inc", null, 1)))
			.isInstanceOf(InvalidRunRequestException.class)
			.hasMessageStartingWith("merchant id 'Acme Inc' must be");
	}

	@Test
	void shouldRefuseVariantsOutOfRange() {
		assertThatThrownBy(() -> RunRequestCheck.check(request("demo", null, 17)))
			.hasMessage("variants must be from 1 to 16, was 17");
	}

	@Test
	void shouldRefuseACatalogWithoutRequiredColumns() throws Exception {
		Path catalog = Files.writeString(this.folder.resolve("c.csv"), "sku,title\nA,B\n");

		assertThatThrownBy(() -> RunRequestCheck.check(new RunRequest("demo", catalog, null, 1, null)))
			.isInstanceOf(InvalidRunRequestException.class)
			.hasMessageContaining("lacks required column(s): image");
	}

	private RunRequest request(String merchant, String templates, Integer variants) {
		return new RunRequest(merchant, Path.of("../samples/catalog.csv"), templates, variants, null);
	}

}
