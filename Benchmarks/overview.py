#!/usr/bin/env python3
"""The obvious alternative to `ciodash snapshot DIR --view overview`: PyYAML's C loader reads the
meeting folder and prints the same overview table (byte for byte on clean data, which
run-whole-process.sh checks). Usage: overview.py DIR [WIDTH]. Honours SOURCE_DATE_EPOCH.

Written the way a secretariat's script would be: load everything, then format. It does not
validate, and does not read the previous meeting (the overview shows no deltas)."""
import csv
import datetime
import math
import os
import sys
import time
import unicodedata

import yaml

STATUSES = ["on-track", "at-risk", "behind", "not-started", "unknown"]
SYMBOL = {"on-track": "●", "at-risk": "▲", "behind": "▼", "not-started": "○", "unknown": "?"}
LONG = {"on-track": "đúng tiến độ", "at-risk": "có rủi ro", "behind": "chậm",
        "not-started": "chưa triển khai", "unknown": "chưa rõ"}
EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]


def nfc(s):
    return unicodedata.normalize("NFC", s) if isinstance(s, str) else s


def width_of(text):
    total = 0
    for ch in text:
        v = ord(ch)
        if v < 0x300:
            total += 0 if v < 0x20 or 0x7F <= v < 0xA0 else 1
        elif unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            pass
        else:
            total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def round_away(x):
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


def prefix(text, cells):
    used, out = 0, []
    for ch in text:
        w = width_of(ch)
        if used + w > cells:
            break
        used += w
        out.append(ch)
    return "".join(out)


def truncate(text, width):
    if width <= 0:
        return ""
    return text if width_of(text) <= width else prefix(text, width - 1) + "…"


def pad_left(text, width):
    t = truncate(text, width)
    return " " * max(0, width - width_of(t)) + t


def wrap(text, width):
    if width <= 0:
        return []
    lines = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0
        for word in (w for w in paragraph.split(" ") if w):
            ww = width_of(word)
            if line_width > 0 and line_width + 1 + ww <= width:
                line += " " + word
                line_width += 1 + ww
                continue
            if line_width > 0:
                lines.append(line)
                line, line_width = "", 0
            while ww > width:
                head = prefix(word, width)
                if not head:
                    break
                lines.append(head)
                word = word[len(head):]
                ww = width_of(word)
            line, line_width = word, ww
        lines.append(line)
    while len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def heading_lines(title, width, max_lines):
    full = wrap(title, width)
    if len(full) <= max_lines:
        return full
    opening, closing = title.rfind("("), title.rfind(")")
    if 0 <= opening < closing:
        inner = title[opening + 1:closing].strip()
        if inner and width_of(inner) <= width:
            return [inner]
    cut = full[:max_lines]
    cut[-1] = truncate(cut[-1] + " …", width)
    return cut


def number(value, digits):
    scale = 10.0 ** digits
    scaled = round_away(abs(value) * scale)
    if scaled > 9.0e15:
        scaled = round_away(abs(value)) * scale
    negative = value < 0 and scaled != 0
    integer = math.floor(scaled / scale)
    fraction = int(round_away(scaled - integer * scale))
    digits_text = str(int(integer))
    grouped = ""
    for i, ch in enumerate(digits_text):
        if i > 0 and (len(digits_text) - i) % 3 == 0:
            grouped += "."
        grouped += ch
    fraction_text = ""
    if fraction > 0:
        w = digits
        while fraction % 10 == 0 and w > 0:
            fraction //= 10
            w -= 1
        f = str(fraction)
        fraction_text = "," + "0" * max(0, w - len(f)) + f
    return ("-" if negative else "") + grouped + fraction_text


def bar(value, target, is_share, width):
    if width <= 0:
        return ""
    if not math.isfinite(value) or value < 0:
        return "·" * width
    usable = target if target is not None and math.isfinite(target) and target > 0 else None
    scale = 100.0 if is_share else max(usable if usable is not None else value, value)
    if scale <= 0:
        return "░" * width
    total = int(round_away(min(1.0, value / scale) * width * 8))
    cells = ["░"] * width
    for i in range(min(width, total // 8)):
        cells[i] = "█"
    if total // 8 < width and total % 8 > 0:
        cells[total // 8] = EIGHTHS[total % 8]
    if usable is not None and value < usable:
        t = min(width - 1, math.ceil(usable / scale * width) - 1)
        if t >= 0 and cells[t] == "░":
            cells[t] = "┊"
    return "".join(cells)


TONES = {0x300: 1, 0x309: 2, 0x303: 3, 0x301: 4, 0x323: 5}
MODIFIERS = {0x306: 1, 0x302: 2, 0x31B: 3}


def collation_key(text):
    base, tones = [], []
    for ch in unicodedata.normalize("NFD", text):
        v = ord(ch)
        if v in TONES:
            if tones:
                tones[-1] = TONES[v]
            continue
        if v in MODIFIERS and base:
            base[-1] += MODIFIERS[v]
            continue
        if unicodedata.category(ch) == "Mn":
            continue
        lower = ch.lower()[0]
        base.append(ord("d") * 8 + 4 if lower in "đð" else ord(lower) * 8)
        tones.append(0)
    return base + [0] + tones


class Grid:
    def __init__(self, width):
        self.width, self.rows = width, []

    def ensure_row(self, y):
        while len(self.rows) <= y:
            self.rows.append([" "] * self.width)

    def put(self, text, x, y, max_width=None):
        if y >= len(self.rows) or x >= self.width:
            return
        limit = min(self.width, x + max(0, max_width) if max_width is not None else self.width)
        column, last = x, -1
        row = self.rows[y]
        for ch in text:
            w = width_of(ch)
            if w == 0:
                if last >= 0:
                    row[last] += ch
                continue
            if column + w > limit:
                break
            row[column] = ch
            if w == 2:
                row[column + 1] = ""
            last = column
            column += w

    def lines(self):
        return ["".join(r).rstrip(" ") for r in self.rows]


def load(folder):
    with open(os.path.join(folder, "meeting.yaml"), "rb") as f:
        meeting = yaml.load(f, Loader=yaml.CSafeLoader)
    provinces = []
    for name in sorted(os.listdir(os.path.join(folder, "provinces"))):
        if name.endswith(".yaml"):
            with open(os.path.join(folder, "provinces", name), "rb") as f:
                p = yaml.load(f, Loader=yaml.CSafeLoader)
            p["id"] = nfc(name[:-5])
            p["name"] = nfc(p.get("name") or p["id"])
            provinces.append(p)
    by_id = {p["id"]: p for p in provinces}
    csv_path = os.path.join(folder, "metrics.csv")
    if os.path.exists(csv_path):
        with open(csv_path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                p = by_id.get(row["province"].strip())
                if p is None:
                    continue
                report = p.setdefault("topics", {}).setdefault(row["topic"].strip(), {"status": "unknown"})
                metrics = report.setdefault("metrics", []) or []
                report["metrics"] = metrics
                m = next((m for m in metrics if m.get("id") == row["metric"].strip()), None)
                if m is None:
                    m = {"id": row["metric"].strip(), "label": nfc(row["label"].strip())}
                    metrics.append(m)
                m["value"] = float(row["value"])
                for key in ("label", "unit", "source"):
                    if row[key].strip():
                        m[key] = nfc(row[key].strip())
                for key in ("target", "previous"):
                    if row[key].strip():
                        m[key] = float(row[key])
    listed = [str(i) for i in (meeting.get("provinces") or [])]
    ordered = [by_id[i] for i in listed if i in by_id]
    placed = set(listed)
    rest = sorted((p for p in provinces if p["id"] not in placed),
                  key=lambda p: (collation_key(p["name"]), p["id"].encode()))
    return meeting, ordered + rest


def headline(province, topic):
    report = (province.get("topics") or {}).get(topic["id"])
    if not report or not topic.get("headline"):
        return None
    return next((m for m in report.get("metrics") or [] if m.get("id") == topic["headline"]), None)


def overview(meeting, provinces, width):
    topics = meeting["topics"]
    for t in topics:
        t["title"] = nfc(t["title"])
    columns = max(1, len(topics))
    grid = Grid(width)
    longest = max((width_of(p["name"]) for p in provinces), default=10)
    name_width = min(max(longest, 10), 22) + 1
    column_width = int((width - name_width) / columns)
    if column_width < 9:
        name_width = max(8, width - 9 * columns)
        column_width = max(3, int((width - name_width) / columns))
    inner = column_width - 1
    grid.ensure_row(1)
    grid.put("Tỉnh/thành", 0, 1, name_width - 1)
    for i, topic in enumerate(topics):
        x = name_width + i * column_width + 1
        num = f"{i + 1} "
        for row, text in enumerate(heading_lines(topic["title"], max(1, inner - len(num)), 2)):
            grid.put((num if row == 0 else "  ") + text, x, row, inner)
    y = 2
    grid.ensure_row(y)
    grid.put("─" * width, 0, y)
    y += 1
    counts = [dict() for _ in topics]
    for province in provinces:
        grid.ensure_row(y)
        grid.put(province["name"], 0, y, name_width - 1)
        for col, topic in enumerate(topics):
            x = name_width + col * column_width + 1
            report = (province.get("topics") or {}).get(topic["id"])
            if report is None:
                grid.put("– không báo cáo", x, y, inner)
                continue
            status = report.get("status", "unknown")
            counts[col][status] = counts[col].get(status, 0) + 1
            grid.put(SYMBOL.get(status, "?"), x, y)
            m = headline(province, topic)
            if m is None:
                continue
            digits = 0 if inner < 12 else 1
            share = nfc(m.get("unit")) == "%"
            value = number(float(m["value"]), digits) + ("%" if share else "") if share \
                else number(float(m["value"]), digits + 1)
            if m.get("illustrative"):
                value += "*"
            value_width = min(inner - 2, max(7, width_of(value)))
            grid.put(pad_left(value, value_width), x + 2, y)
            bar_width = min(12, inner - 3 - value_width)
            if bar_width >= 4:
                target = m.get("target")
                text = bar(float(m["value"]), None if target is None else float(target), share, bar_width)
                for k, ch in enumerate(text):
                    grid.put(ch, x + 3 + value_width + k, y)
        y += 1
    grid.ensure_row(y)
    grid.put("─" * width, 0, y)
    y += 1
    grid.ensure_row(y)
    grid.put("Tổng", 0, y, name_width - 1)
    for col in range(len(topics)):
        text = " ".join(SYMBOL[s] + str(counts[col][s]) for s in STATUSES if s in counts[col])
        grid.put(text, name_width + col * column_width + 1, y, inner)
    y += 2
    legend = [SYMBOL[s] + " " + LONG[s] for s in STATUSES] + ["* minh họa"]
    for line in wrap("Chú giải: " + " · ".join(legend), width):
        grid.ensure_row(y)
        grid.put(line, 0, y)
        y += 1
    for i, topic in enumerate(topics):
        if not topic.get("headline"):
            continue
        sample = next((m for m in (headline(p, topic) for p in provinces) if m is not None), None)
        text = f"{i + 1} {topic['title']}: {nfc(sample['label']) if sample else topic['headline']}"
        if sample and sample.get("unit"):
            text += f" ({nfc(sample['unit'])})"
        for line in wrap(text, width):
            grid.ensure_row(y)
            grid.put(line, 0, y)
            y += 1
    return grid.lines()


def main():
    folder = sys.argv[1]
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    meeting, provinces = load(folder)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    reported = [str(p["reported"]) for p in provinces if p.get("reported")]
    def vi_date(iso):  # the Vietnamese interface writes 27/07/2019
        y, m, d = str(iso).split("-")
        return d + "/" + m + "/" + y
    lines = ["Hội đồng: " + nfc(meeting["council"]),
             "Phiên họp: " + vi_date(meeting["date"]) + " · " + nfc(meeting["title"])]
    if reported:
        lines.append("Số liệu đến: " + vi_date(max(reported)))
    stamp = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%d/%m/%Y %H:%M:%S UTC")
    lines.append("Tạo lúc: " + stamp)
    lines.append("Màn hình: Tổng quan (overview)")
    lines = [part for line in lines for part in wrap(line, width)]
    lines.append("─" * width)
    lines += overview(meeting, provinces, width)
    while lines and lines[-1] == "":
        lines.pop()
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
