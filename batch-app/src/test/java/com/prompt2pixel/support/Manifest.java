package com.prompt2pixel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.prompt2pixel.templates.Sha256;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's {@code manifest.csv}, read back for assertions.
 */
public final class Manifest {

	private final Path folder;

	private final List<NamedCsvRecord> rows;

	private Manifest(Path folder, List<NamedCsvRecord> rows) {
		this.folder = folder;
		this.rows = rows;
	}

	public static Manifest of(Path folder) {
		try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(folder.resolve("manifest.csv"))) {
			return new Manifest(folder, reader.stream().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<String> files() {
		return this.rows.stream().map((row) -> row.getField("file")).toList();
	}

	/**
	 * Exactly {@code count} rows, one per product, template and variant, each naming a
	 * file whose bytes hash to the row's checksum, all made by the compositor.
	 */
	public void assertEveryImageListedOnceWithItsChecksum(int count) throws IOException {
		assertEveryImageListedOnceWithItsChecksum(count, "compositor");
	}

	/** The same, for images the named backend made. */
	public void assertEveryImageListedOnceWithItsChecksum(int count, String backend) throws IOException {
		assertThat(this.rows).hasSize(count);
		assertThat(this.rows.stream()
			.map((row) -> row.getField("product_key") + "/" + row.getField("template") + "/" + row.getField("variant")))
			.doesNotHaveDuplicates();
		for (NamedCsvRecord row : this.rows) {
			Path file = this.folder.resolve(row.getField("file"));
			assertThat(Sha256.hex(Files.readAllBytes(file))).as(file.toString()).isEqualTo(row.getField("sha256"));
			assertThat(row.getField("backend")).isEqualTo(backend);
		}
		try (var images = Files.walk(this.folder)) {
			assertThat(images.filter((path) -> path.toString().endsWith(".png"))).hasSize(count);
		}
	}

}
