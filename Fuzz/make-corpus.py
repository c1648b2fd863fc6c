#!/usr/bin/env python3
"""Writes the seed corpus (Fuzz/corpus/) from the Huế sample and the bad-input classes of issue 5.

Each seed is two header bytes and a file (see Sources/LoaderFuzzer/LoaderFuzzer.swift): byte 0 says
which file of the meeting folder the rest replaces (0 province YAML, 1 province JSON, 2 meeting.yaml,
3 metrics.csv), byte 1 the width less one. Seeds stay small (at most a few kilobytes).
"""
import os
import pathlib

here = pathlib.Path(__file__).resolve().parent
sample = here.parent / "fixtures" / "hue-2019"
out = here / "corpus"
out.mkdir(exist_ok=True)
for old in out.iterdir():
    old.unlink()

PROVINCE, JSON, MEETING, CSV = 0, 1, 2, 3


def seed(name, target, width, body):
    data = body.encode("utf-8") if isinstance(body, str) else body
    (out / name).write_bytes(bytes([target, width - 1]) + data)


# The sample itself: a few province files at several widths, the agenda, the CSV.
for i, province in enumerate(["quang-tri", "da-nang", "thua-thien-hue", "kon-tum", "binh-thuan"]):
    seed(f"sample-{province}", PROVINCE, [80, 120, 40, 20, 200][i],
         (sample / "provinces" / f"{province}.yaml").read_bytes())
seed("sample-meeting", MEETING, 100, (sample / "meeting.yaml").read_bytes())
seed("sample-metrics", CSV, 100, (sample / "metrics.csv").read_bytes())

head = 'format: ciodash/1\nid: quang-tri\nname: "Quảng Trị"\n'
ok_topic = "topics:\n  smart-city:\n    status: on-track\n"
seed("json", JSON, 80,
     '\t{"format": "ciodash/1", "id": "quang-tri", "name": "Qu\\u1ea3ng Tr\\u1ecb \\ud83d\\ude00",\n'
     '\t"topics": {"smart-city": {"status": "at-risk", "summary": "a\\u001b]0;x\\u0007",\n'
     '\t"metrics": [{"id": "m", "label": "L", "value": 1e308, "target": -5, "unit": "%"}]}}}\n')

# The bad-input classes.
seed("truncated", PROVINCE, 80, head + 'topics:\n  smart-city:\n    status: "on-tr')
seed("tabs", PROVINCE, 80, head + "topics:\n\tsmart-city:\n  \t  status: on-track\n")
seed("duplicate-keys", PROVINCE, 80, head + "name: again\n" + ok_topic + "    status: behind\n")
seed("wrong-types", PROVINCE, 80,
     "format: [ciodash/1]\nid: {a: 1}\nname: [x]\ncode: {}\nregion: [1]\nreported: [2019]\nsource: {x: y}\n"
     "topics:\n  smart-city:\n    status: [on-track]\n    summary: {a: b}\n    highlights: {a: b}\n"
     "    issues: [[x]]\n    metrics: {id: x}\n  other: [1]\n")
seed("numbers-as-text", PROVINCE, 60, head + ok_topic +
     '    metrics:\n      - {id: a, label: A, value: "1.349", target: "12,5%", previous: 1.349,5}\n'
     '      - {id: b, label: B, value: 0,73, unit: "%"}\n')
seed("nan-infinity", PROVINCE, 80, head + ok_topic +
     "    metrics:\n      - {id: a, label: A, value: .nan, target: .inf}\n      - {id: b, label: B, value: -.Inf}\n"
     "      - {id: c, label: C, value: Infinity, previous: NaN}\n")
seed("huge-numbers", PROVINCE, 120, head + ok_topic +
     "    metrics:\n      - {id: a, label: A, value: 1e400}\n      - {id: b, label: B, value: 1e308, target: 1.7e308}\n"
     "      - {id: c, label: C, value: -1e308, unit: '%', previous: 1e-320}\n"
     "      - {id: d, label: D, value: 123456789012345678901234567890}\n")
seed("negative-target", PROVINCE, 80, head + ok_topic +
     "    metrics:\n      - {id: a, label: A, value: 5, target: -10}\n      - {id: b, label: B, value: -3, target: 0, unit: '%'}\n")
seed("empty", PROVINCE, 80, b"")
seed("bom-only", PROVINCE, 80, b"\xef\xbb\xbf")
seed("invalid-utf8", PROVINCE, 80, head.encode() + b"region: B\xe1\xba\n" + ok_topic.encode())
seed("nul-byte", PROVINCE, 80, head.encode() + b"region: a\x00b\n")
seed("utf16", PROVINCE, 80, (head + ok_topic).encode("utf-16"))
seed("long-name", PROVINCE, 120, 'format: ciodash/1\nid: quang-tri\nname: "' + "Ế" * 3000 + '"\n' + ok_topic)
seed("deep", PROVINCE, 80, head + "topics: " + "[" * 200 + "]" * 200 + "\n")
seed("deep-block", PROVINCE, 80, head + "topics:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 80)))
laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
for i in range(1, 10):
    laughs += f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n"
seed("billion-laughs", PROVINCE, 80, head + laughs + ok_topic)
seed("aliases", PROVINCE, 80, head + "topics:\n  smart-city: &r\n    status: on-track\n    summary: &s x\n"
     "  digital-signatures: *r\n  information-security: {status: behind, summary: *s}\n")
seed("undefined-alias", PROVINCE, 80, head + "topics: *nope\n")
seed("merge-key", PROVINCE, 80, head + "base: &b {status: on-track}\ntopics:\n  smart-city:\n    <<: *b\n")
seed("several-documents", PROVINCE, 80, head + "---\n" + head)
escapes = "\x1b[2J \x1b]0;pwned\x07 \u009b31m \x7f \u202eevil\u202c \u2066x\u2069 \x1bP+q\x1b\\ \r"
esc = escapes.encode("unicode_escape").decode("ascii").replace('"', '\\"')
seed("escapes-province", PROVINCE, 100,
     f'format: ciodash/1\nid: quang-tri\nname: "Q{esc}"\nregion: "R{esc}"\nsource: "S{esc}"\ncode: "4{esc}"\n'
     f'topics:\n  smart-city:\n    status: on-track\n    summary: "Sum{esc}\\nline 2"\n'
     f'    metrics:\n      - {{id: m, label: "L{esc}", value: 1, unit: "U{esc}", source: "S{esc}"}}\n'
     f'    highlights: ["H{esc}"]\n    issues: ["I{esc}"]\n')
seed("escapes-meeting", MEETING, 100,
     f'format: ciodash/1\ncouncil: "C{esc}"\ntitle: "T{esc}"\ndate: 2019-07-27\nvenue: "V{esc}"\n'
     f'chairs: ["Ch{esc}"]\ntopics:\n  - {{id: smart-city, title: "Top{esc}", title_en: "E{esc}", minutes: 30}}\n'
     f'provinces: [da-nang, thua-thien-hue, "x{esc}"]\n')
seed("escapes-raw", PROVINCE, 80, head.encode() + b"region: \x1b[2J\n")
header = "province,topic,metric,label,value,target,unit,previous,source\n"
seed("csv-quoted", CSV, 100, header +
     'da-nang,smart-city,a,"Phản ánh, kiến nghị",1,,,,"Báo, Mới"\n'
     'da-nang,smart-city,b,"two\nlines",2,,,,"x""y"\n'
     'da-nang,smart-city,c,"unterminated,3,,,,\n')
seed("csv-columns", CSV, 100, header + "da-nang,smart-city,a,A,1,,,\n" + "da-nang,smart-city,a,A,1,,,,,extra\n"
     + "province,topic\n")
seed("csv-escapes", CSV, 100, header + f'da-nang,smart-city,x,"L{escapes}",1,,"%",,"S{escapes}"\n')
seed("csv-numbers", CSV, 100, header + 'da-nang,smart-city,a,A,"1.349",12%,,nan,\n'
     + "da-nang,smart-city,b,B,1e400,-1e308,,1e308,\n")
seed("csv-bad-bytes", CSV, 100, header.encode() + b"da-nang,smart-city,a,\xff,1,,,,\n")
# Issue 16: quoting mistakes (class 7), separators and TAG characters (12), an over-long optional text (11).
seed("csv-quote-mistakes", CSV, 100, header +
     'da-nang,smart-city,a,Nhãn 5" màn hình,1,,,,\n'
     'da-nang,smart-city,b,"Phản ánh "nóng" 24/7",2,,,,\n'
     'da-nang,smart-city,c,"C",3,,,,"S"x\n'
     'da-nang,smart-city,d,"never closed,4,,,,\n'
     'da-nang,smart-city,e,E,5,,,,\n')
seed("invisibles", PROVINCE, 60, head + 'region: "Bắc\\u2028Trung\\u2029Bộ\\U000E0041"\n')
seed("long-optional", PROVINCE, 80, head + "region: " + "x" * 10_050 + "\n")
seed("meeting-wrong-types", MEETING, 80,
     "format: ciodash/1\ncouncil: [x]\ntitle: {a: b}\ndate: [2019]\nstart: 25:99\nvenue: [v]\nchairs: {a: b}\n"
     "language: xx\nprevious: [x]\ntopics: {a: b}\nprovinces: {a: b}\n")
seed("meeting-topics", MEETING, 60,
     "format: ciodash/1\ncouncil: C\ntitle: T\ndate: 2019-07-27\ntopics:\n  - {id: smart-city, title: S, minutes: -1}\n"
     "  - {id: smart-city, title: again, minutes: 1e300}\n  - {id: Bad Id, title: B}\n  - x\n"
     "  - {id: information-security, title: I, minutes: 99999}\nprovinces: [da-nang, da-nang, 1]\n")
print(f"{len(os.listdir(out))} seeds in {out}")

# The minutes journal (Sources/JournalFuzzer): byte 0 is the flags (bit 0 English, bit 1 plain text,
# bit 2 the sample's header line put before the rest), then the journal's text.
jout = here / "corpus-journal"
jout.mkdir(exist_ok=True)
for old in jout.iterdir():
    old.unlink()
ENGLISH, TEXT, HEADER = 1, 2, 4


def journal(name, flags, body):
    (jout / name).write_bytes(bytes([flags]) + body.encode("utf-8"))


t0 = 1564192800
good = (f'{{"at":{t0},"clock":"start","topic":"smart-city"}}\n'
        f'{{"at":{t0 + 11}.5,"edit":"topic/smart-city/conclusions","pos":0,"del":0,"ins":"Thống nhất"}}\n'
        f'{{"at":{t0 + 12},"edit":"topic/smart-city/conclusions","pos":5,"del":3,"ins":"x"}}\n'
        f'{{"at":{t0 + 20},"set":"secretary","text":"Nguyễn Văn A"}}\n'
        f'{{"at":{t0 + 21},"set":"chair","text":"Phan Thiên Định"}}\n'
        f'{{"at":{t0 + 22},"set":"absent","text":"kon tum, binh thuan"}}\n'
        f'{{"at":{t0 + 30},"set":"topic/smart-city/task/0/who","text":"quang tri, dak lak"}}\n'
        f'{{"at":{t0 + 31},"set":"topic/smart-city/task/0/what","text":"Báo cáo"}}\n'
        f'{{"at":{t0 + 32},"set":"topic/smart-city/task/0/due","text":"30/09/2019"}}\n'
        f'{{"at":{t0 + 40},"clock":"pause","topic":"smart-city"}}\n'
        f'{{"at":{t0 + 50},"clock":"resume","topic":"smart-city"}}\n'
        f'{{"at":{t0 + 900},"clock":"stop","topic":"smart-city"}}\n'
        f'{{"at":{t0 + 901},"clock":"start","topic":"information-security"}}\n'
        f'{{"at":{t0 + 930},"clock":"alive"}}\n')
journal("good", HEADER, good)
journal("good-en-text", HEADER | ENGLISH | TEXT, good)
journal("header-only", 0, '{"ciodash":"minutes","version":1,"meeting":"x","date":"2019-07-27","utcOffset":25200}\n')
journal("huge-times", HEADER, f'{{"at":1e300,"clock":"start","topic":"smart-city"}}\n{{"at":-1e300,"clock":"stop"}}\n'
        '{"at":1e308,"set":"chair","text":"A"}\n{"at":NaN,"set":"chair","text":"B"}\n')
journal("bad-edits", HEADER, '{"at":1,"edit":"chair","pos":99,"del":5,"ins":"x"}\n'
        '{"at":2,"edit":"chair","pos":-1,"del":0,"ins":"y"}\n{"at":3,"edit":"chair","pos":0,"del":1e9,"ins":"z"}\n'
        '{"at":4,"set":"chair","text":"ok"}\n{"at":5,"edit":"nowhere/x","pos":0,"del":0,"ins":"q"}\n')
journal("escapes", HEADER, '{"at":1,"set":"chair","text":"A\\u001b[2J\\u0007B\\u009b31m\\u202eC"}\n'
        '{"at":2,"set":"topic/smart-city/notes","text":"| x | **y** <br> \\u2028 z"}\n')
journal("cut-last-line", HEADER, good + '{"at":99,"edit":"topic/smart-city/no')
journal("long-typing", HEADER, "".join(
    f'{{"at":{t0 + i},"edit":"topic/smart-city/notes","pos":{i},"del":0,"ins":"ệ"}}\n' for i in range(300)))
journal("other-meeting", 0, '{"ciodash":"minutes","version":9,"meeting":"\\u001b]0;x\\u0007","date":"2019-13-40",'
        '"utcOffset":1e300}\n' + good)
print(f"{len(os.listdir(jout))} seeds in {jout}")
