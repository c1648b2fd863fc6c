import CioDashCore
import Foundation
import XCTest

/// Reports on paper, measured in Chromium: the light theme's page has no text under 4.5:1 against
/// what it is drawn on (computed styles of every text node), and printed to PDF (`--print-to-pdf`)
/// every theme's text is dark on white — the dark theme's light grey (#d4d4d4) is gone from paper.
final class LightReportEndToEndTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-light-e2e-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// For every visible text node: its computed colour against the first opaque background up the
    /// tree (white at the top); the lowest ratio and where it is.
    static let probe = """
    (function(){
    function rgb(s){var m=s.match(/[\\d.]+/g)||[];return m.map(Number);}
    function lum(c){var a=c.slice(0,3).map(function(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);});
      return .2126*a[0]+.7152*a[1]+.0722*a[2];}
    function bg(el){for(;el;el=el.parentElement){var c=rgb(getComputedStyle(el).backgroundColor);if(c.length===3||c[3]>0)return c;}
      return [255,255,255];}
    var worst=99,where='',n=0,w=document.createTreeWalker(document.body,NodeFilter.SHOW_TEXT);
    while(w.nextNode()){var t=w.currentNode,el=t.parentElement;if(!t.nodeValue.trim()||el.closest('script,style,#contrast'))continue;
      var st=getComputedStyle(el);if(st.display==='none'||el.closest('[hidden]'))continue;
      var a=lum(rgb(st.color)),b=lum(bg(el)),r=(Math.max(a,b)+.05)/(Math.min(a,b)+.05);n++;
      if(r<worst){worst=r;where=(el.className||el.tagName)+': '+t.nodeValue.trim().slice(0,30);}}
    var p=document.createElement('pre');p.id='contrast';p.textContent=JSON.stringify({worst:worst,where:where,count:n});
    document.body.appendChild(p);})();
    """

    func snapshot(_ theme: String) throws -> String {
        let path = folder.appendingPathComponent("\(theme).html").path
        let run = try CiodashProcess.run(["snapshot", TmuxHarness.sampleFolder, "--view", "all", "--format", "html", "--theme", theme,
                                          "-o", path], environment: ["SOURCE_DATE_EPOCH": "1564214400"])
        XCTAssertEqual(run.status, 0, run.errors)
        return path
    }

    func testTheLightPageHasNoTextUnderFourAndAHalfToOne() throws {
        let html = try snapshot("light")
        var source = try String(contentsOfFile: html, encoding: .utf8)
        source = source.replacingOccurrences(of: "</body>", with: "<script>\n" + Self.probe + "</script>\n</body>")
        let probed = folder.appendingPathComponent("probed.html").path
        try source.write(toFile: probed, atomically: true, encoding: .utf8)
        let dom = try DocxEndToEndTests.tool("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + probed]).output
        let start = try XCTUnwrap(dom.range(of: "<pre id=\"contrast\">"), "the probe ran").upperBound
        let end = try XCTUnwrap(dom.range(of: "</pre>", range: start..<dom.endIndex)).lowerBound
        let json = String(dom[start..<end]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
        XCTAssertGreaterThan(result["count"] as? Int ?? 0, 1000, "the probe measured the whole meeting's text")
        let worst = try XCTUnwrap(result["worst"] as? Double)
        XCTAssertGreaterThanOrEqual(worst, 4.5, "the lowest contrast, at \(result["where"] ?? "")")
    }

    /// Printed with Chromium, every text colour in the PDF is dark enough for white paper; white text
    /// is drawn only on the reverse blocks, whose colours are themselves dark.
    func testPrintedReportsAreDarkOnWhiteInEveryTheme() throws {
        for theme in ["light", "default", "projector", "mono"] {
            let html = try snapshot(theme)
            let pdf = folder.appendingPathComponent("\(theme).pdf").path
            _ = try DocxEndToEndTests.tool("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                        "--print-to-pdf=" + pdf, "file://" + html])
            XCTAssertTrue(try DocxEndToEndTests.tool("pdfinfo", [pdf]).output.contains("(A4)"), theme)
            let script = """
            import re, sys, zlib, json
            data = open(sys.argv[1], 'rb').read()
            text, fills = set(), set()
            for s in re.findall(rb'stream\\r?\\n(.*?)\\r?\\nendstream', data, re.S):
                try: t = zlib.decompress(s).decode('latin1')
                except Exception: continue
                colour = (0.0, 0.0, 0.0)
                for tok in re.finditer(r'([\\d.]+) ([\\d.]+) ([\\d.]+) rg|(BT)|(re\\s+f)', t):
                    if tok.group(1): colour = tuple(float(tok.group(i)) for i in (1, 2, 3))
                    elif tok.group(4): text.add(colour)
                    else: fills.add(colour)
            print(json.dumps({"text": sorted(text), "fills": sorted(fills)}))
            """
            let out = try DocxEndToEndTests.tool("python3", ["-c", script, pdf]).output
            let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: [[Double]]])
            let textColours = try XCTUnwrap(parsed["text"])
            XCTAssertFalse(textColours.isEmpty, "\(theme): the PDF has text")
            for c in textColours where c != [1, 1, 1] {
                XCTAssertGreaterThanOrEqual(Self.contrast(c, [1, 1, 1]), 4.5, "\(theme): text in \(c) on white paper")
            }
            if textColours.contains([1, 1, 1]) {
                let dark = (parsed["fills"] ?? []).filter { Self.contrast($0, [1, 1, 1]) >= 4.5 }
                XCTAssertFalse(dark.isEmpty, "\(theme): white text needs a dark block under it")
            }
        }
    }

    static func contrast(_ a: [Double], _ b: [Double]) -> Double {
        func lum(_ c: [Double]) -> Double {
            let l = c.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]
        }
        let (x, y) = (lum(a), lum(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
