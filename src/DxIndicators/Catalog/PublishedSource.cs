using CsvHelper;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Catalog;

/// <summary>A public source of a published figure: who published it, where, and (when recorded) its title and date.</summary>
/// <param name="Url">The public address.</param>
/// <param name="Publisher">The publisher (a newspaper, a provincial portal, the ministry's dti.gov.vn).</param>
/// <param name="Title">The page title, when recorded.</param>
/// <param name="Date">The publication date, when recorded.</param>
public sealed record PublishedSource(string Url, string Publisher, string? Title, LocalDate? Date)
{
    /// <summary>Formats the citation: publisher, title and date where recorded, then the address.</summary>
    /// <returns>For example <c>Dân trí, "Hà Nội dẫn đầu …", 2025-10-21, https://dantri.com.vn/…</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string> { Publisher };
        if (Title is { } title)
        {
            parts.Add($"\"{title}\"");
        }

        if (Date is { } date)
        {
            parts.Add(LocalDatePattern.Iso.Format(date));
        }

        parts.Add(Url);
        return string.Join(", ", parts);
    }
}
