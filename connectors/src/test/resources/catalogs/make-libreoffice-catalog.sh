#!/bin/sh
# Writes libreoffice-catalog.xlsx, the fixture that shows workbooks saved by LibreOffice Calc
# read like those of Excel (POI in the tests) and openpyxl: the same catalog as
# make-openpyxl-catalog.py, typed cells as Calc types them (float; boolean, with the
# TRUE/FALSE format Calc gives it; date), a formula with its cached value, an empty
# first sheet. Needs Debian's libreoffice-calc-nogui:
#     sh make-libreoffice-catalog.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/libreoffice-catalog.fods" <<'FODS'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <number:boolean-style style:name="yesno"><number:boolean/></number:boolean-style>
  <style:style style:name="date" style:family="table-cell" style:data-style-name="iso"/>
  <style:style style:name="bool" style:family="table-cell" style:data-style-name="yesno"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Notes"><table:table-row><table:table-cell/></table:table-row></table:table>
   <table:table table:name="Products">
    <table:table-row><table:table-cell office:value-type="string"><text:p>Spring catalog 2026</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell/></table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>SKU</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Title</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Image</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Price</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>In stock</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Launch</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Tags</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>MUG-1</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Stoneware Mug</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>mug.png</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="12.5"/>
     <table:table-cell table:style-name="bool" office:value-type="boolean" office:boolean-value="true"/>
     <table:table-cell table:style-name="date" office:value-type="date" office:date-value="2026-03-01"/>
     <table:table-cell office:value-type="string"><text:p>gift, ceramic</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="float" office:value="1002"/>
     <table:table-cell office:value-type="string"><text:p>Vase</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>vase.png</text:p></table:table-cell>
     <table:table-cell table:formula="of:=15*2" office:value-type="float" office:value="30"/>
     <table:table-cell table:style-name="bool" office:value-type="boolean" office:boolean-value="false"/>
     <table:table-cell table:style-name="date" office:value-type="date" office:date-value="2026-04-15"/>
     <table:table-cell/>
    </table:table-row>
   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
FODS
soffice --headless -env:UserInstallation=file://"$work"/profile --convert-to xlsx:"Calc MS Excel 2007 XML" \
  --outdir "$work" "$work/libreoffice-catalog.fods" >/dev/null
cp "$work/libreoffice-catalog.xlsx" "$here/libreoffice-catalog.xlsx"
