using System.Globalization;

namespace DxIndicators.Model;

/// <summary>Categorical rule: a category earns a fixed fraction of max points; an unknown category is an error at load.</summary>
public sealed class CategoricalPointsRule : PointsRule
{
    /// <summary>Initializes a new instance of the <see cref="CategoricalPointsRule"/> class.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="categories">The categories, with distinct codes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="categories"/> is null.</exception>
    public CategoricalPointsRule(double maxPoints, ValueList<CategoryFraction> categories)
        : base(maxPoints)
    {
        ArgumentNullException.ThrowIfNull(categories);
        Categories = categories;
    }

    /// <summary>Gets the categories, with distinct codes.</summary>
    public ValueList<CategoryFraction> Categories { get; }

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

    /// <inheritdoc/>
    public override bool Equals(PointsRule? other) => other is CategoricalPointsRule r && MaxPoints.Equals(r.MaxPoints) && Categories == r.Categories;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(typeof(CategoricalPointsRule), MaxPoints, Categories);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"categorical[{MaxPoints}, {Categories.Count} categories]");
}
