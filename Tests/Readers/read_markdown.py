"""Parses a Markdown file with markdown-it-py (CommonMark with GFM tables) and prints JSON: every
table's header and row cell counts with the first cell of each row, and the rendered HTML."""
import json
import sys

try:
    from markdown_it import MarkdownIt
except ImportError:
    print("markdown-it-py is not installed", file=sys.stderr)
    sys.exit(3)

text = open(sys.argv[1], encoding="utf-8").read()
# Raw HTML on: the most permissive reading, so an unescaped tag in the file would come out as a tag.
md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
tokens = md.parse(text)
tables, table, row, cell, in_cell = [], None, None, [], False
for token in tokens:
    if token.type == "table_open":
        table = {"header": [], "rows": []}
    elif token.type == "table_close":
        tables.append(table)
        table = None
    elif token.type == "tr_open":
        row = []
    elif token.type == "tr_close":
        if table is not None:
            if not table["header"]:
                table["header"] = row
            else:
                table["rows"].append(row)
    elif token.type in ("th_open", "td_open"):
        cell, in_cell = [], True
    elif token.type in ("th_close", "td_close"):
        row.append("".join(cell))
        in_cell = False
    elif token.type == "inline" and in_cell:
        cell.append("".join(child.content for child in (token.children or []) if child.type in ("text", "code_inline")))
print(json.dumps({"tables": tables, "html": md.render(text)}, ensure_ascii=False))
