import CioDashCore

/// One self-contained HTML file of one view or of the whole meeting: each view is the screen's own
/// grid of cells in the theme's colours (a wide character takes two cells, as on the terminal), its
/// selectable cells linked to where Enter goes, every view reachable from every other. No external
/// resource and no script needed to read it; a small inline script adds the search box and the
/// dashboard's keys. Printable on A4.
public struct HTMLReport: Sendable {
    public var meeting: Meeting
    public var language: Language
    public var width: Int
    public var theme: Theme
    /// The lines the document opens with (council, meeting, data date, generated at).
    public var facts: [String]

    public init(meeting: Meeting, language: Language, width: Int, theme: Theme, facts: [String]) {
        self.meeting = meeting
        self.language = language
        self.width = width
        self.theme = theme
        self.facts = facts
    }

    public func document(views: [ViewID]) -> [UInt8] {
        let labels = Labels.forLanguage(language)
        let present = Set(views)
        var out: [UInt8] = []
        out.appendMarkup("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.appendMarkup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.appendMarkup("<meta name=\"generator\" content=\"ciodash\">\n<title>")
        let title = views.count == 1 ? views[0].title(in: meeting, labels: labels, language: language) : labels.overview
        out.appendEscaped(meeting.title + " — " + title)
        out.appendMarkup("</title>\n<style>\n" + Self.css(theme: theme) + "</style>\n</head>\n<body>\n<header>\n<h1>")
        out.appendEscaped(meeting.title)
        out.appendMarkup("</h1>\n<ul class=\"facts\">\n")
        for fact in facts {
            out.appendMarkup("<li>")
            out.appendEscaped(fact)
            out.appendMarkup("</li>\n")
        }
        out.appendMarkup("</ul>\n")
        appendIndex(to: &out, present: present, labels: labels)
        out.appendMarkup("</header>\n<main>\n")

        // Views are independent: drawn on every core, each into its own slot, in order.
        let nav = navigation(present: present, labels: labels)
        for section in ViewsInParallel.map(views, { section($0, present: present, nav: nav, labels: labels) }) {
            out += section ?? []
        }
        out.appendMarkup("</main>\n<script>\n" + Self.script + "</script>\n</body>\n</html>\n")
        return out
    }

    /// The search box and what it searches: every province and topic, linked to its view.
    private func appendIndex(to out: inout [UInt8], present: Set<ViewID>, labels: Labels) {
        // A file of one view other than the overview has nothing to search or move to.
        guard present.contains(where: { $0.kind.indexed }) else { return }
        let vi = language == .vi
        out.appendMarkup("<nav class=\"index\" aria-label=\"\(vi ? "Mục lục" : "Index")\">\n")
        out.appendMarkup("<label for=\"q\">\(labels.searchPrompt)</label> <input id=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"\(vi ? "hue, dak lak, chu ky so" : "hue, dak lak, signatures")\">\n")
        out.appendMarkup("<ul id=\"index\">\n")
        func entry(_ text: String, _ target: ViewID?, kind: String) {
            guard let target else { return }
            out.appendMarkup("<li data-k=\"")
            out.appendEscaped(SearchKey.fold(text))
            out.appendMarkup("\"><a href=\"#\(ViewLinks.anchor(target))\">")
            out.appendEscaped(text)
            out.appendMarkup("</a> <small>\(kind)</small></li>\n")
        }
        func reachable(_ view: ViewID) -> ViewID? {
            present.contains(view) ? view : (present.contains(.overview) ? .overview : nil)
        }
        for (i, topic) in meeting.topics.enumerated() {
            entry("\(i + 1). " + topic.title(in: language), reachable(.topic(topic.id)), kind: labels.topic.lowercased())
        }
        for province in meeting.provinces {
            entry(province.name, reachable(.province(province.id)), kind: labels.province.lowercased())
        }
        out.appendMarkup("</ul>\n<p class=\"keys\">")
        out.appendEscaped(vi
            ? "Phím: ↑ ↓ ← → / h j k l chọn · Enter mở · Esc, Backspace quay lại · / tìm · 1–9 chủ đề N · Home / End đầu / cuối"
            : "Keys: ↑ ↓ ← → / h j k l select · Enter open · Esc, Backspace back · / search · 1–9 topic N · Home / End top / bottom")
        out.appendMarkup("</p>\n</nav>\n")
    }

    /// Links to the agenda, the overview and every topic, on top of every view.
    private func navigation(present: Set<ViewID>, labels: Labels) -> [UInt8] {
        var out: [UInt8] = []
        var targets: [(ViewID, String)] = [(.agenda, labels.agenda), (.overview, labels.overview)]
        for (i, topic) in meeting.topics.enumerated() { targets.append((.topic(topic.id), "\(i + 1). " + topic.title(in: language))) }
        let shown = targets.filter { present.contains($0.0) }
        guard !shown.isEmpty else { return out }
        out.appendMarkup("<nav class=\"views\">")
        for (i, (view, text)) in shown.enumerated() {
            if i > 0 { out.appendMarkup(" · ") }
            out.appendMarkup("<a href=\"#\(ViewLinks.anchor(view))\">")
            out.appendEscaped(text)
            out.appendMarkup("</a>")
        }
        out.appendMarkup("</nav>\n")
        return out
    }

    /// One view for a live page (the room's browsers): its title and grid, its cells linked to the
    /// views Enter would open, all of which the page can show. Nil when the meeting has no such view.
    public func viewMarkup(_ view: ViewID) -> [UInt8]? {
        // No style attribute: the page's Content-Security-Policy allows only its own style sheet.
        // The grid only: the room's page follows the slide; the folded data tables are for saved reports.
        let out = section(view, present: nil, nav: [], labels: Labels.forLanguage(language), columnsStyle: false,
                          tables: false)
        return out.isEmpty ? nil : out
    }

    /// `present`: the views the document holds, which links may lead to; nil for every view.
    /// `columnsStyle`: the grid's width as a CSS variable, for printing the file on A4.
    /// `tables`: the view's figures as real tables, folded under the grid.
    private func section(_ view: ViewID, present: Set<ViewID>?, nav: [UInt8], labels: Labels, columnsStyle: Bool = true,
                         tables: Bool = true) -> [UInt8] {
        let isPresent = { (v: ViewID) in present?.contains(v) ?? true }
        var out: [UInt8] = []
        var context = RenderContext(language: language, width: width)
        context.wholeText = true
        guard let body = ViewRenderer.body(view, meeting: meeting, context: context) else { return out }
        out.appendMarkup("<section class=\"view\" id=\"\(ViewLinks.anchor(view))\">\n")
        out += nav
        out.appendMarkup("<h2>")
        out.appendEscaped(view.title(in: meeting, labels: labels, language: language))
        out.appendMarkup("</h2>\n")
        // A panel leads up to its province and topic and on to its history (its kind says).
        let around = view.around
        if !around.isEmpty {
            out.appendMarkup("<p class=\"up\">")
            for (i, up) in around.filter(isPresent).enumerated() {
                if i > 0 { out.appendMarkup(" · ") }
                out.appendMarkup("<a href=\"#\(ViewLinks.anchor(up))\">")
                out.appendEscaped(up.title(in: meeting, labels: labels, language: language))
                out.appendMarkup("</a>")
            }
            out.appendMarkup("</p>\n")
        }
        let links = ViewLinks.links(view, body: body, meeting: meeting).filter { isPresent($0.target) }
        var byRow: [Int: [ViewLink]] = [:]
        for link in links { byRow[link.row, default: []].append(link) }
        out.appendMarkup(columnsStyle ? "<pre class=\"grid\" style=\"--cols:\(width)\">" : "<pre class=\"grid\">")
        for y in 0..<body.grid.height {
            if y > 0 { out.append(0x0A) }
            Self.appendRow(body.grid, y: y, links: byRow[y]?.sorted { $0.columns.lowerBound < $1.columns.lowerBound } ?? [], to: &out)
        }
        out.appendMarkup("</pre>\n")
        if tables, let holder = view.tablesIn, present?.contains(holder) == true {
            // A panel's tables are one section of its province's, which this document holds: a link to
            // them, not a second copy (a third of the size of `--view all`'s tables).
            out.appendMarkup("<p class=\"tables\"><a href=\"#\(ViewLinks.anchor(holder))\">")
            out.appendEscaped(language == .vi ? "Bảng số liệu: ở màn hình của tỉnh" : "Tables of the figures: under the province's view")
            out.appendMarkup("</a></p>\n")
        } else if tables, let report = ViewReportBuilder.report(view, meeting: meeting, language: language) {
            Self.appendTables(report, summary: language == .vi ? "Bảng số liệu (để sao chép vào Word, bảng tính)"
                                                              : "Tables of the figures (to copy into Word or a spreadsheet)", to: &out)
        }
        out.appendMarkup("</section>\n")
        return out
    }

    /// The view's data as real HTML tables (from `ViewReport`, as the Markdown and Word reports are),
    /// folded under the grid: copied from a browser into a word processor, a table stays a table.
    static func appendTables(_ report: ViewReport, summary: String, to out: inout [UInt8]) {
        guard report.blocks.contains(where: { if case .table = $0 { return true }; return false }) else { return }
        out.appendMarkup("<details class=\"tables\"><summary>")
        out.appendEscaped(summary)
        out.appendMarkup("</summary>\n")
        for block in report.blocks {
            switch block {
            case .heading(_, let text):
                out.appendMarkup("<h3>")
                out.appendEscaped(text)
                out.appendMarkup("</h3>\n")
            case .paragraph(let text):
                out.appendMarkup("<p>")
                out.appendEscaped(text)
                out.appendMarkup("</p>\n")
            case .list(let title, let items):
                out.appendMarkup("<p><b>")
                out.appendEscaped(title)
                out.appendMarkup("</b></p>\n<ul>")
                for item in items {
                    out.appendMarkup("<li>")
                    out.appendEscaped(item)
                    out.appendMarkup("</li>")
                }
                out.appendMarkup("</ul>\n")
            case .table(let table):
                out.appendMarkup("<table>\n<thead><tr>")
                for cell in table.header {
                    out.appendMarkup("<th>")
                    out.appendEscaped(cell)
                    out.appendMarkup("</th>")
                }
                out.appendMarkup("</tr></thead>\n<tbody>\n")
                for row in table.rows {
                    out.appendMarkup("<tr>")
                    for c in table.header.indices {
                        out.appendMarkup(table.numeric.contains(c) ? "<td class=\"n\">" : "<td>")
                        out.appendEscaped(c < row.count ? row[c] : "")
                        out.appendMarkup("</td>")
                    }
                    out.appendMarkup("</tr>\n")
                }
                out.appendMarkup("</tbody></table>\n")
            }
        }
        out.appendMarkup("</details>\n")
    }

    /// One grid row as spans of one role each; a wide character in a span two cells wide; links
    /// around the cells they cover. Trailing plain spaces are dropped, as in the text snapshot.
    static func appendRow(_ grid: Grid, y: Int, links: [ViewLink], to out: inout [UInt8]) {
        var end = grid.width
        while end > 0 {
            let cell = grid[end - 1, y]
            if cell.width == 0 || cell.base != " " || cell.role != .normal || cell.marksID != 0 { break }
            end -= 1
        }
        var open: StyleRole?
        func close() {
            if open != nil { out.appendMarkup("</span>") }
            open = nil
        }
        var next = 0          // the next link to open
        var linkEnd: Int?     // where the open link closes
        var x = 0
        while x < end {
            if let stop = linkEnd, x >= stop {
                close(); out.appendMarkup("</a>"); linkEnd = nil
            }
            while next < links.count && links[next].columns.upperBound <= x { next += 1 }
            if linkEnd == nil, next < links.count, links[next].columns.lowerBound <= x {
                close()
                out.appendMarkup("<a href=\"#\(ViewLinks.anchor(links[next].target))\">")
                linkEnd = links[next].columns.upperBound
                next += 1
            }
            let cell = grid[x, y]
            if cell.width == 0 { x += 1; continue }
            if cell.width == 2 {
                close()
                out.appendMarkup("<span class=\"r\(cell.role.rawValue) w\">")
                out.appendEscaped(cell: cell)
                out.appendMarkup("</span>")
                x += 2
                continue
            }
            if open != cell.role {
                close()
                if cell.role != .normal {
                    out.appendMarkup("<span class=\"r\(cell.role.rawValue)\">")
                    open = cell.role
                }
            }
            out.appendEscaped(cell: cell)
            x += 1
        }
        close()
        if linkEnd != nil { out.appendMarkup("</a>") }
    }

    static func css(theme: Theme) -> String {
        let screen = ThemeCSS.palette(theme), paper = ThemeCSS.Palette.paper
        func variables(_ p: ThemeCSS.Palette) -> String {
            ":root{--bg:\(p.background);--fg:\(p.foreground);--muted:\(p.muted);--rule:\(p.rule);--hover:\(p.hover);color-scheme:\(p.colourScheme)}"
        }
        return variables(screen) + "\n" + """
        body{margin:0;padding:1em 2em;background:var(--bg);color:var(--fg);font:15px/1.4 system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
        h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin:1.2em 0 .4em}h2 small{color:var(--muted);font-weight:normal}
        a{color:inherit}
        .facts{list-style:none;padding:0;margin:.2em 0 .8em;color:var(--muted)}
        .index{border:1px solid var(--rule);padding:.5em .8em;margin-bottom:1em}
        #index{columns:16em;margin:.5em 0;padding-left:1.2em}#index small{color:var(--muted)}
        .keys{color:var(--muted);font-size:.9em;margin:.3em 0 0}
        #q{font:inherit;padding:.2em .4em;min-width:16em}
        .views{font-size:.9em;margin:.3em 0}.up{margin:.2em 0}
        section.view{border-top:1px solid var(--rule);padding-top:.3em}
        section.view:target h2{outline:2px solid #29b8db}
        pre.grid{font-family:\(SVGPicture.fontStack);
          font-size:14px;line-height:18px;margin:0;white-space:pre;overflow-x:auto;font-variant-ligatures:none}
        pre.grid a{text-decoration:none;color:inherit}pre.grid a:hover,pre.grid a:focus{outline:1px solid #29b8db;background:var(--hover)}
        .w{display:inline-block;width:2ch;text-align:center}
        details.tables,p.tables{margin:.5em 0}p.tables{font-size:.9em}details.tables summary{cursor:pointer;color:var(--muted)}
        details.tables table{border-collapse:collapse;margin:.4em 0;font-size:.9em}
        details.tables th,details.tables td{border:1px solid var(--rule);padding:.15em .4em;vertical-align:top;text-align:left}
        details.tables td.n{text-align:right}details.tables h3{font-size:1em;margin:.6em 0 .2em}

        """ + ThemeCSS.rules(theme) + """
        @media print{
          @page{size:A4;margin:12mm}
          \(variables(paper))
          body{padding:0;font-size:10pt}
          .index,.views,.up,#q,details.tables,p.tables{display:none}
          section.view{break-before:page;border:0}
          section.view:first-of-type{break-before:auto}
          pre.grid{font-size:calc(184mm / var(--cols) / 0.61);line-height:1.3;overflow:visible;
            print-color-adjust:exact;-webkit-print-color-adjust:exact}
          \(ThemeCSS.rules(theme, palette: paper).replacingOccurrences(of: "\n", with: "\n  "))
        }

        """
    }

    /// Search without diacritics and the dashboard's keys. The page reads the same without it.
    static let script = """
    (function(){
    var q=document.getElementById('q')||document.createElement('input');  // a file of one view has no search box
    var entries=[].slice.call(document.querySelectorAll('#index li'));
    function fold(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').replace(/[đĐ]/g,'d').toLowerCase().replace(/[\\s_-]+/g,' ').trim();}
    function shown(){return entries.filter(function(li){return !li.hidden;});}
    q.addEventListener('input',function(){var k=fold(q.value);entries.forEach(function(li){li.hidden=k!==''&&li.getAttribute('data-k').indexOf(k)<0;});});
    q.addEventListener('keydown',function(e){
      if(e.key==='Enter'){var f=shown()[0];if(f){location.hash=f.querySelector('a').getAttribute('href');q.blur();}e.preventDefault();}
      else if(e.key==='Escape'){q.blur();}
    });
    function current(){
      var a=document.activeElement;var s=a&&a.closest?a.closest('section.view'):null;
      if(!s&&location.hash){s=document.getElementById(location.hash.slice(1));}
      return s||document.querySelector('section.view');
    }
    function move(step){
      var s=current();if(!s)return;var links=[].slice.call(s.querySelectorAll('pre.grid a'));if(!links.length)return;
      var i=links.indexOf(document.activeElement);i=i<0?(step>0?0:links.length-1):Math.max(0,Math.min(links.length-1,i+step));
      links[i].focus();links[i].scrollIntoView({block:'nearest'});
    }
    var topics=[].slice.call(document.querySelectorAll('#index li a'));
    document.addEventListener('keydown',function(e){
      if(e.target===q||e.ctrlKey||e.metaKey||e.altKey)return;
      var k=e.key;
      if(k==='ArrowDown'||k==='j'||k==='ArrowRight'||k==='l'){move(1);}
      else if(k==='ArrowUp'||k==='k'||k==='ArrowLeft'||k==='h'){move(-1);}
      else if(k==='Escape'||k==='Backspace'){history.back();}
      else if(k==='/'){q.focus();}
      else if(/^[1-9]$/.test(k)&&topics[+k-1]&&/^[0-9]+\\./.test(topics[+k-1].textContent)){location.hash=topics[+k-1].getAttribute('href');}
      else return;
      e.preventDefault();
    });
    })();

    """
}
