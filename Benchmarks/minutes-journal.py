#!/usr/bin/env python3
"""Writes a minutes journal for fixtures/hue-2019 in which one field grows to MEGABYTES of text (UTF-8):
pastes of 1,000 Vietnamese characters, nine at the end for one at a random place (the secretary goes
back to correct something), each followed by a backspace. Deterministic.

    Benchmarks/minutes-journal.py 4 /tmp/j4.jsonl
    time .build/release/ciodash minutes fixtures/hue-2019 --journal /tmp/j4.jsonl > /dev/null
"""
import json
import random
import sys

megabytes, out = float(sys.argv[1]), sys.argv[2]
rng = random.Random(28)
words = "Thống nhất nhân rộng mô hình trung tâm điều hành đô thị thông minh IOC của Thừa Thiên Huế; ".split(" ")
chunk = ""
while len(chunk) < 1000:
    chunk += rng.choice(words) + " "
chunk = chunk[:1000]
field = "topic/smart-city/notes"
header = {"ciodash": "minutes", "version": 1,
          "meeting": "Phiên họp thường kỳ năm 2019 của Hội đồng CIO miền Trung – Tây Nguyên",
          "date": "2019-07-27", "utcOffset": 25200}
at, length, size, n = 1564192800.0, 0, 0, 0
with open(out, "w", encoding="utf-8") as f:
    f.write(json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n")
    f.write('{"at":%d,"clock":"start","topic":"smart-city"}\n' % at)
    while size < megabytes * 1_000_000:
        pos = length if n % 10 else rng.randrange(length + 1)
        for line in ({"at": at, "edit": field, "pos": pos, "del": 0, "ins": chunk},
                     {"at": at + 0.5, "edit": field, "pos": pos + len(chunk) - 1, "del": 1, "ins": ""}):
            f.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
        length += len(chunk) - 1
        size += len(chunk[:-1].encode("utf-8"))
        at += 1
        n += 1
    f.write('{"at":%d,"clock":"stop","topic":"smart-city"}\n' % at)
print(f"{out}: field of {length:,} characters ({size:,} bytes), {2 * n:,} edits", file=sys.stderr)
