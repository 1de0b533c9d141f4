"""Writes a generic-catalog .xlsx with N product rows and 20 columns (openpyxl, write-only
mode) for the XLSX ingest benchmark. Deterministic.

    /usr/bin/python3 make_xlsx.py 100000 /tmp/catalog-100k.xlsx
"""
import datetime
import sys

from openpyxl import Workbook

HEADER = ["SKU", "Title", "Description", "Image", "Category", "Type", "Tags", "Vendor", "Price", "In stock",
          "Launch", "Color", "Size", "Material", "Weight", "Width", "Height", "Depth", "EAN", "Notes"]
TYPES = ["Mug", "Vase", "Lamp", "Shirt", "Candle", "Bowl", "Chair", "Scarf"]


def main(rows, path):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Products")
    sheet.append(HEADER)
    launch = datetime.date(2026, 1, 1)
    for i in range(rows):
        kind = TYPES[i % len(TYPES)]
        sheet.append([f"SKU-{i:07d}", f"{kind} no. {i}", f"A handmade {kind.lower()}, number {i}, glazed by hand.",
                      f"https://cdn.example/{i}.jpg", "Home > Decor", kind, "handmade, gift", f"Vendor {i % 50}",
                      12.5 + i % 40, i % 3 != 0, launch + datetime.timedelta(days=i % 365), "Sand", "M",
                      "Stoneware", 0.35, 9.5, 11, 9.5, 4000000000000 + i, ""])
    book.save(path)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
