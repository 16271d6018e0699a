using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The rank instance.</content>
public abstract partial class Normaliser
{
    /// <summary>Gets the Ascending rank (COINr <c>n_rank</c>) normaliser (<c>rank</c>).</summary>
    public static Normaliser Rank { get; } = new RankNormaliser();
}

/// <summary>
/// Ascending rank (COINr <c>n_rank</c>): ascending rank of x', ties get the minimum (\"min\"), 1 = worst. Text <c>rank</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class RankNormaliser : Normaliser
{
    internal RankNormaliser()
    {
    }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "rank",
        "rank",
        "ascending rank of x', ties get the minimum (\"min\"), 1 = worst",
        "NaN is kept and not counted; not with pooled or fixed panel bounds",
        "normalisation",
        t => t.WithoutArguments(Rank));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    /// <summary>Writes the competition ranks of x' (ascending, ties take the minimum), then y = (rank − shift)/divide(n*).</summary>
    internal static void Ranks(in NormaliseColumn column, Span<double> y, double shift, Func<int, double> divide)
    {
        column.RequirePerPeriod();
        ScoringWorkspace ws = column.Workspace;
        int count = Ranking.Rank(column.X, y, RankMethod.Competition, ascending: column.Sign > 0, ws._keys, ws._order);
        if (shift == 0)
        {
            return;
        }

        double div = divide(count);
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = (y[i] - shift) / div;
        }
    }

    internal override void Apply(in NormaliseColumn column, Span<double> y) => Ranks(column, y, 0, _ => 1);
}
