"""Writes a Shopify-format product CSV with N rows (products of 3 variant rows each) for
the ingest benchmark. Deterministic, so every run measures the same file.

    /usr/bin/python3 make_shopify_csv.py 1000000 /tmp/shopify-1m.csv
"""
import csv
import sys

HEADER = ["Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags", "Published",
          "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name", "Option3 Value",
          "Variant SKU", "Variant Grams", "Variant Inventory Tracker", "Variant Inventory Qty",
          "Variant Inventory Policy", "Variant Fulfillment Service", "Variant Price", "Variant Compare At Price",
          "Variant Requires Shipping", "Variant Taxable", "Variant Barcode", "Image Src", "Image Position",
          "Image Alt Text", "Gift Card", "SEO Title", "SEO Description", "Variant Image", "Variant Weight Unit",
          "Variant Tax Code", "Cost per item", "Status"]
TYPES = ["Mug", "Vase", "Lamp", "Shirt", "Candle", "Bowl", "Chair", "Scarf"]
SIZES = ["Small", "Medium", "Large"]


def main(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        written = 0
        product = 0
        while written < rows:
            handle = f"product-{product:07d}"
            kind = TYPES[product % len(TYPES)]
            for variant, size in enumerate(SIZES):
                if written == rows:
                    break
                first = variant == 0
                row = [""] * len(HEADER)
                row[0] = handle
                if first:
                    row[1] = f"{kind} no. {product}"
                    row[2] = f"<p>A handmade <strong>{kind.lower()}</strong>, glazed by hand, number {product}.</p>"
                    row[3] = f"Vendor {product % 50}"
                    row[4] = "Home & Garden > Decor"
                    row[5] = kind
                    row[6] = "handmade, gift, " + kind.lower()
                    row[7] = "true"
                    row[8] = "Size"
                    row[25] = f"https://cdn.shopify.com/s/files/1/0000/{product}/front.jpg"
                    row[26] = "1"
                    row[35] = "active"
                row[9] = size
                row[14] = f"{handle}-{size[0]}"
                row[15] = "300"
                row[16] = "shopify"
                row[17] = "10"
                row[18] = "deny"
                row[19] = "manual"
                row[20] = f"{20 + variant * 5 + product % 7}.00"
                row[22] = "true"
                row[23] = "true"
                row[32] = "kg"
                writer.writerow(row)
                written += 1
            product += 1


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
