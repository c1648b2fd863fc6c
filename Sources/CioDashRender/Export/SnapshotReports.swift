import CioDashCore
import Foundation

/// The file formats of `snapshot`: Markdown and CSV from the views' data, HTML and SVG from their grids.
extension Snapshot {
    /// "2019-07-27 15:00 +07:00", or UTC when no offset is set.
    public var generatedText: String { ReportTime.format(generatedAt, utcOffset: utcOffset) }

    /// The opening facts of every report file, sanitised.
    public var reportFacts: [String] { facts(labels: Labels.forLanguage(language), generated: generatedText) }

    /// The document in `format` as UTF-8. SVG draws the first view only (a picture is one view).
    public func document(_ format: Format, views: [ViewID], theme: Theme = .default) -> [UInt8] {
        switch format {
        case .text: return Array(text(for: views).utf8)
        case .markdown: return Array(markdown(for: views).utf8)
        case .csv: return Array(csv(for: views).utf8)
        case .html:
            return HTMLReport(meeting: meeting, language: language, width: width, theme: theme, facts: reportFacts)
                .document(views: views)
        case .docx:
            // `docx(for:)` says why a package could not be made; `snapshot` calls it directly.
            return (try? docx(for: views)) ?? []
        case .svg:
            guard let view = views.first else { return [] }
            let labels = Labels.forLanguage(language)
            return SVGPicture.document(grid: picture(of: view), title: meeting.title + " — " + view.title(in: meeting, labels: labels, language: language), theme: theme)
        }
    }

    /// GitHub-flavoured Markdown of the views' data: tables, lists, legend, provenance.
    public func markdown(for views: [ViewID]) -> String {
        var out = MarkdownReport.document(title: meeting.title, facts: reportFacts, reports: [])
        for section in ViewsInParallel.map(views, { view in
            ViewReportBuilder.report(view, meeting: meeting, language: language).map(MarkdownReport.section) ?? ""
        }) { out += section ?? "" }
        return out
    }

    /// A Word document of the views' data: a heading per view, real tables, lists, legend, provenance.
    public func docx(for views: [ViewID]) throws -> [UInt8] {
        let reports = ViewsInParallel.map(views) { ViewReportBuilder.report($0, meeting: meeting, language: language) }.compactMap { $0 }
        let document = ReportDocx.document(title: meeting.title, facts: reportFacts, reports: reports, language: language)
        return try DocxPackage.data(document, date: Date(timeIntervalSince1970: Double(generatedAt)))
    }

    /// The views' figures as CSV. For every view of the meeting at once, each figure once: the agenda's
    /// items, then every province's metrics (the overview, topics and panels repeat them).
    public func csv(for views: [ViewID]) -> String {
        let all = ViewRenderer.allViews(of: meeting)
        let chosen = views == all ? [.agenda] + meeting.provinces.map { ViewID.province($0.id) } : views
        return CSVReport.document(reports: ViewsInParallel.map(chosen) { ViewReportBuilder.report($0, meeting: meeting, language: language) }
            .compactMap { $0 })
    }


    /// What the text snapshot of a view shows, as cells with their roles: preamble, title, rule, grid.
    public func picture(of view: ViewID) -> Grid {
        let labels = Labels.forLanguage(language)
        let head = reportFacts.flatMap { TextLayout.wrap($0, width: width) }
        let title = TextLayout.wrap(labels.view + ": " + TextSanitizer.line(view.title(in: meeting, labels: labels, language: language))
                                    + " (\(view))", width: width)
        var context = RenderContext(language: language, width: width)
        context.wholeText = true
        let body = ViewRenderer.body(view, meeting: meeting, context: context)?.grid
            ?? Grid(width: width, height: 0)
        var grid = Grid(width: width, height: head.count + title.count + 1 + body.height)
        var y = 0
        for line in head { grid.put(line, x: 0, y: y, role: .muted); y += 1 }
        for line in title { grid.put(line, x: 0, y: y, role: .title); y += 1 }
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        grid.blit(body, x: 0, y: y)
        // The grid's own trailing blank rows are not part of the picture.
        var last = grid.height
        while last > y && grid.line(last - 1).isEmpty { last -= 1 }
        var trimmed = Grid(width: width, height: last)
        trimmed.blit(grid, rows: 0..<last, x: 0, y: 0)
        return trimmed
    }
}
