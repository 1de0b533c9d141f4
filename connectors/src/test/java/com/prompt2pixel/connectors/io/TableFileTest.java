package com.prompt2pixel.connectors.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableFileTest {

	@TempDir
	Path folder;

	@Test
	void shouldWriteCsvWithFormulaCellsNeutralisedAndNumbersKept() throws IOException {
		Path target = this.folder.resolve("report.csv");

		try (TableFile table = TableFile.create(target, List.of("row", "problem"))) {
			table.add(List.of(-7L, "=HYPERLINK(\"http://evil\")"));
			table.commit();
		}

		assertThat(Files.readString(target)).isEqualTo("row,problem\r\n-7,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n");
	}

	@Test
	void shouldWriteXlsxWithTextCellsNeutralisedAndNumbersAsNumbers() throws IOException {
		Path target = this.folder.resolve("report.xlsx");

		try (TableFile table = TableFile.create(target, List.of("row", "problem"))) {
			table.add(List.of(12L, "@SUM(A1)"));
			table.commit();
		}

		try (InputStream in = Files.newInputStream(target); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Row row = workbook.getSheetAt(0).getRow(1);
			assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(12.0);
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'@SUM(A1)");
		}
	}

	@Test
	void shouldLeaveNothingBehindWhenNotCommitted() throws IOException {
		Path target = this.folder.resolve("report.csv");

		try (TableFile table = TableFile.create(target, List.of("row"))) {
			table.add(List.of(1));
		}

		assertThat(target).doesNotExist();
		try (var files = Files.list(this.folder)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void shouldRefuseOtherFileTypes() {
		assertThatThrownBy(() -> TableFile.create(this.folder.resolve("report.txt"), List.of("row")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage(
					"cannot write " + this.folder.resolve("report.txt") + ": the file name must end in .csv or .xlsx");
	}

}
