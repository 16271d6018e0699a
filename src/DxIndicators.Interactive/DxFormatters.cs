using DxIndicators.Analysis;
using DxIndicators.Catalog;
using DxIndicators.Model;
using DxIndicators.Reporting;
using DxIndicators.Scoring;
using DxIndicators.Targets;
using Microsoft.DotNet.Interactive.Formatting;

namespace DxIndicators.Interactive;

/// <summary>Registers .NET Interactive formatters so DxIndicators results display as HTML tables and SVG charts in a notebook.</summary>
/// <remarks>
/// Loading the package with <c>#r "nuget: DxIndicators.Interactive"</c> runs <see cref="Register"/> through the
/// package's <c>interactive-extensions/dotnet/extension.dib</c>. Score tables of built-in frameworks show node names;
/// others show codes. Every type also keeps a text/plain formatter (its <c>ToString()</c>).
/// </remarks>
public static class DxFormatters
{
    private static readonly object s_gate = new();
    private static bool s_registered;

    /// <summary>Gets the types that get formatters.</summary>
    public static IReadOnlyList<Type> FormattedTypes { get; } =
        [typeof(ScoreTable), typeof(DxReport), typeof(UncertaintyResult), typeof(TargetEvaluation), typeof(IEnumerable<TargetEvaluation>), typeof(HtmlView)];

    /// <summary>Gets or sets the label language of the formatted output (default English).</summary>
    public static ReportLanguage Language { get; set; } = ReportLanguage.English;

    /// <summary>Registers the formatters (idempotent; safe to call from several cells).</summary>
    public static void Register()
    {
        lock (s_gate)
        {
            if (s_registered)
            {
                return;
            }

            Formatter.Register<ScoreTable>(t => ScoreTableHtml(t), HtmlFormatter.MimeType);
            Formatter.Register<DxReport>(r => r.ToHtmlFragment(), HtmlFormatter.MimeType);
            Formatter.Register<UncertaintyResult>(u => u.ToHtml(), HtmlFormatter.MimeType);
            Formatter.Register<TargetEvaluation>(e => new[] { e }.ToHtml(Language), HtmlFormatter.MimeType);
            Formatter.Register<IEnumerable<TargetEvaluation>>(e => e.ToHtml(Language), HtmlFormatter.MimeType);
            Formatter.Register<HtmlView>(v => v.Html, HtmlFormatter.MimeType);
            Formatter.Register<ScoreTable>(t => t.ToString(), PlainTextFormatter.MimeType);
            Formatter.Register<DxReport>(r => r.ToString(), PlainTextFormatter.MimeType);
            Formatter.Register<UncertaintyResult>(u => u.ToString(), PlainTextFormatter.MimeType);
            s_registered = true;
        }
    }

    internal static string ScoreTableHtml(ScoreTable table)
    {
        Framework? framework = FrameworkCatalog.TryGet(table.FrameworkId, out Framework? f) && f.Metadata.Version == table.FrameworkVersion ? f : null;
        return table.ToHtml(framework, Language);
    }
}
