using System.Text;

namespace DxIndicators.Reporting.Sections;

/// <summary>Builds one table as HTML and as Markdown from the same cells, so both formats always agree.</summary>
internal sealed class Tables
{
    private readonly string[] _headers;
    private readonly bool[] _numeric;
    private readonly List<string[]> _rows = [];
    private readonly List<string?[]> _html = [];

    public Tables(params (string Header, bool Numeric)[] columns)
    {
        _headers = columns.Select(c => c.Header).ToArray();
        _numeric = columns.Select(c => c.Numeric).ToArray();
    }

    public int Count => _rows.Count;

    /// <summary>Adds a row of plain texts; <paramref name="html"/> may replace a cell's HTML (already escaped).</summary>
    public void Add(string[] cells, string?[]? html = null)
    {
        _rows.Add(cells);
        _html.Add(html ?? new string?[cells.Length]);
    }

    public string ToHtml(string? cssClass = null)
    {
        var sb = new StringBuilder();
        sb.Append("<table").Append(cssClass is null ? string.Empty : $" class=\"{cssClass}\"").Append("><thead><tr>");
        for (int c = 0; c < _headers.Length; c++)
        {
            sb.Append(_numeric[c] ? "<th class=\"num\">" : "<th>").Append(Text.Html(_headers[c])).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        for (int r = 0; r < _rows.Count; r++)
        {
            sb.Append("<tr>");
            for (int c = 0; c < _headers.Length; c++)
            {
                sb.Append(_numeric[c] ? "<td class=\"num\">" : "<td>").Append(_html[r][c] ?? Text.Html(_rows[r][c])).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append('|').AppendJoin('|', _headers.Select(Text.Md)).AppendLine("|");
        sb.Append('|').AppendJoin('|', _numeric.Select(n => n ? "---:" : "---")).AppendLine("|");
        foreach (string[] row in _rows)
        {
            sb.Append('|').AppendJoin('|', row.Select(Text.Md)).AppendLine("|");
        }

        return sb.ToString();
    }
}
