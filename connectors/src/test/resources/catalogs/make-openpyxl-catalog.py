"""Writes openpyxl-catalog.xlsx, the fixture that shows workbooks written by openpyxl read
like those written by Excel (POI in the tests). Run with Debian's python3-openpyxl:
    /usr/bin/python3 make-openpyxl-catalog.py
"""
import datetime
import pathlib

from openpyxl import Workbook

book = Workbook()
notes = book.active
notes.title = "Notes"  # empty: the reader takes the first sheet with data
sheet = book.create_sheet("Products")
sheet.append(["Spring catalog 2026"])
sheet.append([])
sheet.append(["SKU", "Title", "Image", "Price", "In stock", "Launch", "Tags"])
sheet.append(["MUG-1", "Stoneware Mug", "mug.png", 12.5, True, datetime.date(2026, 3, 1), "gift, ceramic"])
sheet.append([1002, "Vase", "vase.png", 30, False, datetime.date(2026, 4, 15), None])
book.save(pathlib.Path(__file__).with_name("openpyxl-catalog.xlsx"))
