namespace DxIndicators.Reporting;

/// <summary>One section of a <see cref="DxReport"/>, rendered both as an HTML fragment and as Markdown.</summary>
/// <remarks>
/// The built-in sections cover the index and pillars, ranking, targets, change, time series, uncertainty, the framework
/// tree and correlations. Other analyses (sensitivity indices, contributions, an audit) add their own subclass and
/// are appended with <see cref="DxReport.WithSection"/>; a section must be immutable and must not load anything
/// external (the HTML page stays self-contained).
/// </remarks>
public abstract class ReportSection
{
    /// <summary>Gets the section's id: the HTML anchor and <c>data-section</c> value (lower case, hyphens).</summary>
    public abstract string Id { get; }

    /// <summary>Gets the section's heading.</summary>
    /// <param name="language">The report language.</param>
    /// <returns>The heading text.</returns>
    public abstract string Title(ReportLanguage language);

    /// <summary>Renders the section body as an HTML fragment (tables, inline SVG); the heading is written by the report.</summary>
    /// <param name="report">The report being rendered (framework, scores, language…).</param>
    /// <returns>The HTML fragment, every text escaped.</returns>
    public abstract string ToHtml(DxReport report);

    /// <summary>Renders the section body as Markdown; the heading is written by the report.</summary>
    /// <param name="report">The report being rendered.</param>
    /// <returns>The Markdown text.</returns>
    public abstract string ToMarkdown(DxReport report);
}
