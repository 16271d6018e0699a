using System.Globalization;

namespace DxIndicators.Model;

/// <summary>Categorical rule: a category earns a fixed fraction of max points; an unknown category is an error at load.</summary>
public sealed class CategoricalPointsRule : PointsRule
{
    /// <summary>Initializes a new instance of the <see cref="CategoricalPointsRule"/> class.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="categories">The categories, with distinct codes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="categories"/> is null.</exception>
    /// <exception cref="ArgumentException">Max points are not a finite number ≥ 0, there are no categories, or a
    /// fraction is outside [0, 1]. (Distinct values are checked when a framework is built, with every repeat.)</exception>
    public CategoricalPointsRule(double maxPoints, ValueList<CategoryFraction> categories)
        : this(maxPoints, categories, FieldRules.Mode.Checked)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CategoricalPointsRule"/> class, checking its fields or not.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="categories">The categories.</param>
    /// <param name="mode"><see cref="FieldRules.Mode.Deferred"/> for readers, whose input the validator checks.</param>
    internal CategoricalPointsRule(double maxPoints, ValueList<CategoryFraction> categories, FieldRules.Mode mode)
        : base(maxPoints, mode)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (mode == FieldRules.Mode.Checked)
        {
            FieldRules.Require(FieldRules.NotEmpty(categories.Count, ProblemRules.EmptyCategories), nameof(categories), categories.Count);
            foreach (CategoryFraction category in categories)
            {
                FieldRules.Require(FieldRules.Fraction(category.Fraction), nameof(categories), category.Fraction);
            }
        }

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
