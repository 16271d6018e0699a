namespace DxIndicators.Model;

/// <summary>Categorical rule: a category earns a fixed fraction of max points; an unknown category is an error at load.</summary>
/// <param name="MaxPoints">The most points.</param>
/// <param name="Categories">The categories, with distinct codes.</param>
public sealed record CategoricalPointsRule(double MaxPoints, ValueList<CategoryFraction> Categories) : PointsRule(MaxPoints)
{
    /// <inheritdoc/>
    public override double Evaluate(double value, Polarity polarity)
    {
        foreach (CategoryFraction category in Categories)
        {
            if (category.Value.Equals(value))
            {
                return Cap(category.Fraction * MaxPoints);
            }
        }

        return double.NaN;
    }
}
