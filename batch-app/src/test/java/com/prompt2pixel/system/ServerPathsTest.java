package com.prompt2pixel.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerPathsTest {

	@Test
	void shouldReplaceEachAbsolutePathByItsFileName() {
		assertThat(ServerPaths.hide("cannot read /srv/p2p/data/uploads/acme/2026-x/catalog.csv: it ends early"))
			.isEqualTo("cannot read catalog.csv: it ends early");
		assertThat(ServerPaths.hide("catalog '/tmp/a/b.xlsx' has no sheet 'Products'"))
			.isEqualTo("catalog 'b.xlsx' has no sheet 'Products'");
	}

	@Test
	void shouldLeaveUrlsRelativePathsAndPlainWordsAlone() {
		String text = "photo https://cdn.example/a/b.jpg answered 404; photos/mug.png and 3/4 of rows; and/or";
		assertThat(ServerPaths.hide(text)).isEqualTo(text);
		assertThat(ServerPaths.hide(null)).isNull();
	}

}
