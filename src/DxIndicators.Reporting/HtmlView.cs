namespace DxIndicators.Reporting;

/// <summary>A rendered HTML fragment (a chart or a table) that notebooks display as HTML.</summary>
/// <param name="Html">The fragment: escaped text, inline SVG, no script or external resources.</param>
/// <remarks>DxIndicators.Interactive registers a text/html formatter for this type; elsewhere <see cref="ToString"/> gives the markup.</remarks>
public sealed record HtmlView(string Html)
{
    /// <inheritdoc/>
    public override string ToString() => Html;
}
