"""Reads a DOM dump (chromium --dump-dom) with Python's HTML parser and prints JSON: the element and
attribute names used, how many scripts, every href, and the document's text."""
import json
import sys
from html.parser import HTMLParser


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.attributes, self.hrefs, self.scripts, self.text = set(), set(), [], 0, []
        self.probe = None

    def handle_starttag(self, tag, attrs):
        self.elements.add(tag)
        if tag == "script":
            self.scripts += 1
        for key, value in attrs:
            self.attributes.add(key)
            if key == "href":
                self.hrefs.append(value)
            if key == "data-probe":
                self.probe = value

    def handle_data(self, data):
        self.text.append(data)


reader = Reader()
reader.feed(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps({"elements": sorted(reader.elements), "attributes": sorted(reader.attributes), "hrefs": reader.hrefs,
                  "scripts": reader.scripts, "text": "".join(reader.text),
                  "probe": json.loads(reader.probe) if reader.probe else None}, ensure_ascii=False))
