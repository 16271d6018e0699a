using System.Text;

namespace DxIndicators.Reporting;

/// <summary>The page around the sections: one HTML file, CSS inline, a content-security policy that forbids every external load.</summary>
internal static class HtmlPage
{
    public const string Css = """
        .dx-report{font-family:'Noto Sans','DejaVu Sans','Segoe UI',Roboto,Arial,sans-serif;color:#1f2328;background:#ffffff;margin:0;padding:24px 32px;line-height:1.45;max-width:1280px}
        .dx-report h1{font-size:26px;margin:0 0 6px}
        .dx-report h2{font-size:20px;margin:32px 0 8px;padding-top:12px;border-top:2px solid #d0d7de}
        .dx-report h3{font-size:15px;margin:16px 0 6px}
        .dx-report .meta{color:#57606a;font-size:13px;margin:0 0 12px;padding:0;list-style:none}
        .dx-report .lead{color:#57606a;font-size:13px;margin:4px 0 10px}
        .dx-report nav ol{display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;margin:8px 0;list-style:none;font-size:13px}
        .dx-report nav a{color:#0969da;text-decoration:none}
        .dx-report table{border-collapse:collapse;font-size:13px;margin:8px 0 12px}
        .dx-report th,.dx-report td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
        .dx-report th{background:#f6f8fa;font-weight:600}
        .dx-report td.num,.dx-report th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .dx-report table.targets td:first-child{white-space:nowrap}
        .dx-report table.targets td:last-child{min-width:220px}
        .dx-report .kpis{display:flex;flex-wrap:wrap;gap:12px;margin:10px 0}
        .dx-report .kpi{border:1px solid #d0d7de;border-radius:8px;padding:10px 16px;min-width:180px}
        .dx-report .kpi .v{font-size:30px;font-weight:700;color:#0969da}
        .dx-report .kpi .k{font-size:12px;color:#57606a}
        .dx-report .charts{display:flex;flex-wrap:wrap;gap:16px 28px;align-items:flex-start}
        .dx-report .status{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:12px;white-space:nowrap}
        .dx-report svg.chart{max-width:100%;height:auto}
        .dx-report footer{margin-top:36px;color:#57606a;font-size:12px;border-top:1px solid #d0d7de;padding-top:8px}
        @media print{.dx-report{padding:0}}
        """;

    public static string Render(DxReport report)
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(report.Language.Code()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        // No script, font, image or style may come from anywhere: the file must work offline and leak nothing.
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"generator\" content=\"DxIndicators.Reporting\">\n");
        sb.Append("<title>").Append(Text.Html(report.DisplayTitle)).Append("</title>\n<style>:root{color-scheme:light}").Append(Css).Append("</style>\n</head>\n<body class=\"dx-report\">\n");
        Body(report, sb);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The report as one element with its own scoped style, for a notebook cell or another page.</summary>
    public static string RenderFragment(DxReport report)
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<div class=\"dx-report\" lang=\"").Append(report.Language.Code()).Append("\"><style>").Append(Css).Append("</style>\n");
        Body(report, sb);
        sb.Append("</div>");
        return sb.ToString();
    }

    private static void Body(DxReport report, StringBuilder sb)
    {
        sb.Append("<header><h1>").Append(Text.Html(report.DisplayTitle)).Append("</h1>\n<ul class=\"meta\">");
        foreach (string line in report.HeaderLines())
        {
            sb.Append("<li>").Append(Text.Html(line)).Append("</li>");
        }

        sb.Append("</ul>\n");
        IReadOnlyList<ReportSection> sections = report.Sections;
        sb.Append("<nav aria-label=\"").Append(Text.Html(report.L("contents"))).Append("\"><ol>");
        foreach (ReportSection s in sections)
        {
            sb.Append("<li><a href=\"#").Append(s.Id).Append("\">").Append(Text.Html(s.Title(report.Language))).Append("</a></li>");
        }

        sb.Append("</ol></nav></header>\n<main>\n");
        foreach (ReportSection s in sections)
        {
            sb.Append("<section id=\"").Append(s.Id).Append("\" data-section=\"").Append(s.Id).Append("\">\n<h2>")
              .Append(Text.Html(s.Title(report.Language))).Append("</h2>\n").Append(s.ToHtml(report)).Append("\n</section>\n");
        }

        sb.Append("</main>\n<footer>").Append(Text.Html(report.L("generated"))).Append("</footer>\n");
    }
}
