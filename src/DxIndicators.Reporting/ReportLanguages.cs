namespace DxIndicators.Reporting;

/// <summary>Parses and names <see cref="ReportLanguage"/> values.</summary>
public static class ReportLanguages
{
    /// <summary>Gets the ISO 639-1 code of a language ("en" or "vi"), as used by <see cref="Model.LocalizedText.In"/>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>"en" or "vi".</returns>
    public static string Code(this ReportLanguage language) => language == ReportLanguage.Vietnamese ? "vi" : "en";

    /// <summary>Parses "vi" or "en" (case-insensitive).</summary>
    /// <param name="code">The code.</param>
    /// <returns>The language.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is neither "vi" nor "en".</exception>
    public static ReportLanguage Parse(string code) => code?.ToUpperInvariant() switch
    {
        "VI" => ReportLanguage.Vietnamese,
        "EN" => ReportLanguage.English,
        _ => throw new ArgumentException($"Language must be 'vi' or 'en' but was '{code}'.", nameof(code)),
    };
}
