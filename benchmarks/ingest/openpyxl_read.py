"""openpyxl in read-only mode, reading every cell of the first sheet: what a Python
importer of the same workbook would do before writing anything. Prints the seconds taken.

    /usr/bin/python3 openpyxl_read.py FILE.xlsx
"""
import sys
import time

from openpyxl import load_workbook

started = time.monotonic()
book = load_workbook(sys.argv[1], read_only=True)
rows = 0
for row in book.worksheets[0].iter_rows(values_only=True):
    rows += 1
book.close()
print(f"{time.monotonic() - started:.2f} {rows}")
