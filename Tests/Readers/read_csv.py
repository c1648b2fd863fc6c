"""Reads a CSV file with Python's csv module (UTF-8 with its byte-order mark) and prints the rows as JSON."""
import csv
import json
import sys

with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    raw = f.read()
rows = list(csv.DictReader(raw.splitlines(keepends=True)))
for row in rows:
    for key in ("value", "target", "previous", "change"):
        row[key + "_number"] = float(row[key]) if row[key] != "" else None
print(json.dumps({"bom": open(sys.argv[1], "rb").read(3) == b"\xef\xbb\xbf", "rows": rows}, ensure_ascii=False))
