using System.Text;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>Renders rows as an aligned plain-text table (numbers right-aligned).</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAlign;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers)
    {
        _headers = headers;
        _rightAlign = new bool[headers.Length];
    }

    public TextTable AlignRight(params int[] columns)
    {
        foreach (int c in columns)
        {
            _rightAlign[c] = true;
        }

        return this;
    }

    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"Expected {_headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void AddSeparator() => _rows.Add([]);

    public string Render() => Render(colour: false);

    /// <summary>
    /// Renders the table: drawn by Spectre.Console while a command writes to a terminal (<see cref="Terminal.TableWidth"/>),
    /// else plain aligned text, where <paramref name="colour"/> makes the header bold.
    /// </summary>
    public string Render(bool colour)
    {
        if (Terminal.TableWidth is { } width)
        {
            return Terminal.Table(_headers, _rightAlign, _rows, width);
        }

        int[] widths = _headers.Select(h => h.Length).ToArray();
        foreach (string[] row in _rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var sb = new StringBuilder();
        if (colour)
        {
            var header = new StringBuilder();
            AppendRow(header, _headers, widths);
            sb.AppendLine(Ansi.Bold(header.ToString().TrimEnd('\n', '\r'), enabled: true));
        }
        else
        {
            AppendRow(sb, _headers, widths);
        }

        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd());
        foreach (string[] row in _rows)
        {
            if (row.Length == 0)
            {
                sb.AppendLine();
                continue;
            }

            AppendRow(sb, row, widths);
        }

        return sb.ToString();
    }

    private void AppendRow(StringBuilder sb, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                line.Append("  ");
            }

            line.Append(_rightAlign[c] ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
        }

        sb.AppendLine(line.ToString().TrimEnd());
    }
}
