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
		assertThatCode(() -> RunRequestCheck
			.check(new RunRequest("demo", Path.of("../samples/catalog.csv"), "home-kitchen", 1, null)))
			.doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAMerchantIdThatIsNotASlug() {
		assertThatThrownBy(() -> RunRequestCheck.check(request("Acme Inc", "home-kitchen", 1)))
			.isInstanceOf(InvalidRunRequestException.class)
			.hasMessageStartingWith("merchant id 'Acme Inc' must be");
	}

	@Test
	void shouldRefuseVariantsOutOfRange() {
		assertThatThrownBy(() -> RunRequestCheck.check(request("demo", "home-kitchen", 17)))
			.hasMessage("variants must be from 1 to 16, was 17");
	}

	@Test
	void shouldRefuseAnUnknownTemplateSet() {
		assertThatThrownBy(() -> RunRequestCheck.check(request("demo", "garden", 1)))
			.hasMessage("unknown template set 'garden'; available: home-kitchen");
	}

	@Test
	void shouldRefuseACatalogWithoutRequiredColumns() throws Exception {
		Path catalog = Files.writeString(this.folder.resolve("c.csv"), "sku,title\nA,B\n");

		assertThatThrownBy(() -> RunRequestCheck.check(new RunRequest("demo", catalog, "home-kitchen", 1, null)))
			.isInstanceOf(InvalidRunRequestException.class)
			.hasMessageContaining("lacks required column(s): description");
	}

	private RunRequest request(String merchant, String templates, int variants) {
		return new RunRequest(merchant, Path.of("../samples/catalog.csv"), templates, variants, null);
	}

}
