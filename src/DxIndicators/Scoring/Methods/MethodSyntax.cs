namespace DxIndicators.Scoring.Methods;

/// <summary>
/// What a registry knows of one method: its name and grammar (CLI, <c>Parse</c>, <c>ToString</c>), the formula and
/// parameters as the docs table shows them, where docs/methodology.md explains it, and how to make it from text.
/// </summary>
/// <typeparam name="T">What the text makes (a normaliser, an aggregator …).</typeparam>
/// <param name="Name">The name, the text before any ':' (<c>minmax</c>).</param>
/// <param name="Grammar">The full grammar (<c>minmax[:LOW,HIGH]</c>); the docs table's first column.</param>
/// <param name="Formula">The formula cell of the docs table.</param>
/// <param name="Parameters">The parameters cell of the docs table.</param>
/// <param name="Docs">The docs/methodology.md section that explains the family (a heading anchor).</param>
/// <param name="Create">Makes the method from its text; throws <see cref="FormatException"/> or <see cref="ArgumentException"/>.</param>
internal sealed record MethodSyntax<T>(string Name, string Grammar, string Formula, string Parameters, string Docs, Func<MethodText, T> Create)
{
    /// <summary>Gets the docs table row of the method, as docs/methodology.md holds it.</summary>
    public string TableRow => $"| `{Grammar}` | {Formula} | {(Parameters.Length == 0 ? "—" : Parameters)} |";
}
