package com.prompt2pixel.connectors.catalog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The worksheet XML reader on the shapes producers write: what Excel, LibreOffice and
 * openpyxl write is covered end to end in {@link XlsxCatalogTest}; here the corners.
 */
class SheetXmlTest {

	private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

	private static final String TAIL = "</sheetData></worksheet>";

	@Test
	void readsRowsCellsAndTheirAttributes() {
		List<List<String>> rows = read(HEAD + "<row r=\"3\" spans=\"1:3\"><c r=\"A3\" s=\"2\" t=\"s\"><v>7</v></c>"
				+ "<c r='C3'><f>1+1</f><v>2</v></c><c r=\"D3\" s=\"1\"/></row>" + "<row r=\"4\"/>" + TAIL);

		assertThat(rows).containsExactly(List.of("row 3", "A3 t=s s=2 v:7", "C3 v:2", "D3 s=1 null"), List.of("row 4"));
	}

	@Test
	void decodesEntitiesCharacterReferencesCdataAndUtf8() {
		List<List<String>> rows = read(HEAD + "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a &lt;b&gt; &amp; &quot;c&quot; "
				+ "&apos;d&apos; &#233;&#x20AC; <![CDATA[<raw> ]] ]]>Grüße</v></c></row>" + TAIL);

		assertThat(rows.get(0).get(1)).isEqualTo("A1 t=str v:a <b> & \"c\" 'd' é€ <raw> ]] Grüße");
	}

	@Test
	void joinsAnInlineStringsRunsButNotItsPhoneticText() {
		List<List<String>> rows = read(HEAD
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><r><rPr><b/><sz val=\"11\"/>"
				+ "</rPr><t xml:space=\"preserve\">Stone </t></r><r><t>ware</t></r><rPh sb=\"0\" eb=\"1\"><t>ストーン</t>"
				+ "</rPh></is></c><c r=\"B1\" t=\"inlineStr\"><is><t/></is></c></row>" + TAIL);

		assertThat(rows.get(0)).containsExactly("row 1", "A1 t=inlineStr inline:Stone ware", "B1 t=inlineStr inline:");
	}

	@Test
	void matchesElementsWhateverTheirNamespacePrefix() {
		List<List<String>> rows = read("<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"urn:x\"><x:sheetData>"
				+ "<x:row x:r=\"2\"><x:c r=\"B2\"><x:v>5</x:v></x:c></x:row></x:sheetData><!-- done --></x:worksheet>");

		assertThat(rows).containsExactly(List.of("row 2", "B2 v:5"));
	}

	@Test
	void refusesADtdAndEntitiesItWouldDeclare() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> read("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
							+ "<worksheet><sheetData><row><c><v>&x;</v></c></row></sheetData></worksheet>"))
			.withMessage(
					"malformed workbook XML: a DTD or other declaration, which a sheet never needs; it is refused");
		assertThatIllegalStateException().isThrownBy(() -> read(HEAD + "<row><c t=\"str\"><v>&x;</v></c></row>" + TAIL))
			.withMessage("malformed workbook XML: the entity '&x;', which a sheet cannot declare (DTDs are refused)");
	}

	@Test
	void refusesOtherEncodingsAndTruncatedXml() {
		assertThatIllegalStateException()
			.isThrownBy(() -> read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet/>"))
			.withMessageStartingWith("the sheet's XML is in ISO-8859-1; only UTF-8");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SheetXml(
					new ByteArrayInputStream("<?xml version=\"1.0\"?><worksheet/>".getBytes(StandardCharsets.UTF_16))))
			.withMessageStartingWith("the sheet's XML is in UTF-16");
		assertThatIllegalStateException().isThrownBy(() -> read(HEAD + "<row r=\"1\"><c r=\"A1\"><v>12"))
			.withMessage("malformed workbook XML: the sheet ends inside a cell");
		assertThatIllegalStateException().isThrownBy(() -> read(HEAD + "<row r=\"1\"><c r=\"A1\"><v>1</v></c>"))
			.withMessage("malformed workbook XML: the sheet ends inside a row");
	}

	@Test
	void readsSharedStringsJoiningRunsAndLeavingOutPhoneticText() {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"urn:x\" count=\"4\" uniqueCount=\"4\">"
				+ "<si><t>SKU</t></si><si><r><rPr><b/></rPr><t xml:space=\"preserve\">Stone </t></r><r><t>ware</t></r>"
				+ "<rPh sb=\"0\" eb=\"1\"><t>ストーン</t></rPh></si><si/><si><t>a &amp; b</t></si></sst>";

		SharedStrings items = new SheetXml(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
			.sharedStrings();

		assertThat(IntStream.range(0, items.size()).mapToObj(items::get)).containsExactly("SKU", "Stone ware", "",
				"a & b");
	}

	@Test
	void skipsAUtf8ByteOrderMark() {
		byte[] xml = ("\uFEFF" + HEAD + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + TAIL)
			.getBytes(StandardCharsets.UTF_8);

		assertThat(read(xml)).containsExactly(List.of("row 1", "A1 v:1"));
	}

	private static List<List<String>> read(String xml) {
		return read(xml.getBytes(StandardCharsets.UTF_8));
	}

	/** Each row as "row R" and then each cell's attributes and content. */
	private static List<List<String>> read(byte[] xml) {
		SheetXml sheet = new SheetXml(new ByteArrayInputStream(xml));
		List<List<String>> rows = new ArrayList<>();
		boolean[] inline = new boolean[1];
		while (sheet.nextRow()) {
			List<String> row = new ArrayList<>();
			row.add("row " + sheet.reference());
			if (!sheet.emptyElement()) {
				while (sheet.nextCell()) {
					StringBuilder cell = new StringBuilder(String.valueOf(sheet.reference()));
					if (sheet.type() != null) {
						cell.append(" t=").append(sheet.type());
					}
					if (sheet.style() != null) {
						cell.append(" s=").append(sheet.style());
					}
					String content = sheet.cellContent(inline);
					cell.append(' ').append((content == null) ? "null" : (inline[0] ? "inline:" : "v:") + content);
					row.add(cell.toString());
				}
			}
			rows.add(row);
		}
		return rows;
	}

}
