namespace DxIndicators.Model;

/// <summary>A parent → child link in the indicator tree, carrying a relative weight and optionally max points.</summary>
/// <param name="Code">The child's code (a node or an indicator).</param>
/// <param name="Weight">The relative weight (≥ 0, finite); ignored when the parent aggregates by points.</param>
/// <param name="MaxPoints">The points the child is worth in this parent, if the parent aggregates by points.</param>
public sealed record NodeLink(string Code, double Weight = 1, double? MaxPoints = null)
{
    /// <summary>Gets the weight the parent uses: max points when given, else <see cref="Weight"/>.</summary>
    public double EffectiveWeight => MaxPoints ?? Weight;
}
