import java.io.FileOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.*;
/**
 * Writes a generic-catalog .xlsx with N rows and 20 columns the way Excel stores text: every
 * string in the shared-strings part (POI's streaming writer with a shared-strings table). The
 * same cells as make_xlsx.py, which openpyxl writes as inline strings. Run from the repository
 * root, after `./mvnw -B install -DskipTests`:
 *
 *   ./mvnw -q -pl connectors dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp "$(cat connectors/target/cp.txt)" benchmarks/ingest/MakeExcelLikeXlsx.java 100000 /tmp/excel-like.xlsx
 */
public class MakeExcelLikeXlsx {
  public static void main(String[] a) throws Exception {
    int rows = Integer.parseInt(a[0]);
    String[] header = {"SKU","Title","Description","Image","Category","Type","Tags","Vendor","Price","In stock","Launch","Color","Size","Material","Weight","Width","Height","Depth","EAN","Notes"};
    String[] types = {"Mug","Vase","Lamp","Shirt","Candle","Bowl","Chair","Scarf"};
    try (SXSSFWorkbook book = new SXSSFWorkbook(null, 100, true, true)) {
      Sheet sheet = book.createSheet("Products");
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      Row h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
      java.time.LocalDate launch = java.time.LocalDate.of(2026,1,1);
      for (int i = 0; i < rows; i++) {
        String kind = types[i % types.length];
        Row r = sheet.createRow(i + 1); int c = 0;
        r.createCell(c++).setCellValue(String.format("SKU-%07d", i));
        r.createCell(c++).setCellValue(kind + " no. " + i);
        r.createCell(c++).setCellValue("A handmade " + kind.toLowerCase() + ", number " + i + ", glazed by hand.");
        r.createCell(c++).setCellValue("https://cdn.example/" + i + ".jpg");
        r.createCell(c++).setCellValue("Home > Decor");
        r.createCell(c++).setCellValue(kind);
        r.createCell(c++).setCellValue("handmade, gift");
        r.createCell(c++).setCellValue("Vendor " + (i % 50));
        r.createCell(c++).setCellValue(12.5 + i % 40);
        r.createCell(c++).setCellValue(i % 3 != 0);
        Cell d = r.createCell(c++); d.setCellValue(launch.plusDays(i % 365)); d.setCellStyle(date);
        r.createCell(c++).setCellValue("Sand");
        r.createCell(c++).setCellValue("M");
        r.createCell(c++).setCellValue("Stoneware");
        r.createCell(c++).setCellValue(0.35);
        r.createCell(c++).setCellValue(9.5);
        r.createCell(c++).setCellValue(11);
        r.createCell(c++).setCellValue(9.5);
        r.createCell(c++).setCellValue(4000000000000L + i);
        r.createCell(c++).setCellValue("");
      }
      try (FileOutputStream out = new FileOutputStream(a[1])) { book.write(out); }
    }
  }
}
