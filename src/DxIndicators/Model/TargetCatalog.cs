namespace DxIndicators.Model;

/// <summary>
/// A catalogue of dated targets (for example the national DX targets of Decision 749/QĐ-TTg and Resolution 57-NQ/TW)
/// together with the standard indicators they refer to.
/// </summary>
/// <remarks>
/// Immutable; safe to share. The constructor validates the indicators (codes, ranges, points rules, denominators) and
/// the targets (codes, references, comparators, thresholds, deadline after baseline) and throws
/// <see cref="FrameworkValidationException"/> listing every problem. Two catalogues are equal when all parts are equal.
/// </remarks>
public sealed class TargetCatalog : IEquatable<TargetCatalog>
{
    /// <summary>Initializes a new catalogue after validating every part.</summary>
    /// <param name="id">A stable id (lower-case, dashes), for example <c>vn-national-dx-targets</c>.</param>
    /// <param name="name">The bilingual name.</param>
    /// <param name="indicators">The indicators the targets refer to.</param>
    /// <param name="targets">The targets.</param>
    /// <param name="unit">The code of the administrative unit whose own targets these are (a provincial catalogue), or
    /// null for a national catalogue.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="unit"/> is null.</exception>
    /// <exception cref="FrameworkValidationException">The catalogue breaks one or more rules.</exception>
    public TargetCatalog(string id, LocalizedText name, IEnumerable<IndicatorDefinition> indicators, IEnumerable<TargetRule> targets, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(targets);
        Id = id;
        Name = name;
        Indicators = indicators.ToValueList();
        Targets = targets.ToValueList();
        Unit = unit;

        var errors = new List<Problem>();
        if (unit is not null && string.IsNullOrWhiteSpace(unit))
        {
            errors.Add(new Problem("$.unit", "missing-field", "The catalogue's unit is blank; give the unit code (for example 11) or leave the field out for a national catalogue."));
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new Problem("$.id", "missing-field", "The target catalogue has no id."));
        }

        if (string.IsNullOrWhiteSpace(name.Vi) && string.IsNullOrWhiteSpace(name.En))
        {
            errors.Add(new Problem("$.name", "missing-field", "A name in Vietnamese or English (or both) is required."));
        }

        HashSet<string> known = FrameworkValidator.ValidateIndicatorList(Indicators, "$.indicators", errors);
        FrameworkValidator.ValidateTargets(Targets, "$.targets", known.Contains, errors);
        if (errors.Any(e => e.Severity == ProblemSeverity.Error))
        {
            throw new FrameworkValidationException(string.IsNullOrWhiteSpace(id) ? "(target catalogue without id)" : id, errors);
        }

        Warnings = errors.ToValueList();
    }

    /// <summary>Gets the code of the administrative unit whose own targets these are (<c>11</c> for Điện Biên's
    /// provincial plans), or null for a national catalogue that applies to every unit.</summary>
    public string? Unit { get; }

    /// <summary>Gets non-fatal findings of validation (for example every provisional target).</summary>
    public ValueList<Problem> Warnings { get; }

    /// <summary>Gets the catalogue id.</summary>
    public string Id { get; }

    /// <summary>Gets the bilingual name.</summary>
    public LocalizedText Name { get; }

    /// <summary>Gets the indicators the targets refer to, in definition order.</summary>
    public ValueList<IndicatorDefinition> Indicators { get; }

    /// <summary>Gets the targets, in definition order.</summary>
    public ValueList<TargetRule> Targets { get; }

    /// <summary>Gets the targets that apply to an indicator.</summary>
    /// <param name="indicatorCode">The indicator code (ordinal comparison).</param>
    /// <returns>The targets, in definition order; empty when none.</returns>
    public IReadOnlyList<TargetRule> TargetsFor(string indicatorCode) =>
        Targets.Where(t => string.Equals(t.Indicator, indicatorCode, StringComparison.Ordinal)).ToList();

    /// <inheritdoc/>
    public bool Equals(TargetCatalog? other) =>
        other is not null &&
        string.Equals(Id, other.Id, StringComparison.Ordinal) &&
        string.Equals(Unit, other.Unit, StringComparison.Ordinal) &&
        Name == other.Name &&
        Indicators == other.Indicators &&
        Targets == other.Targets;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TargetCatalog);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Unit, Name, Indicators, Targets);

    /// <summary>Compares two catalogues by content.</summary>
    /// <param name="left">The first catalogue.</param>
    /// <param name="right">The second catalogue.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(TargetCatalog? left, TargetCatalog? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two catalogues by content.</summary>
    /// <param name="left">The first catalogue.</param>
    /// <param name="right">The second catalogue.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(TargetCatalog? left, TargetCatalog? right) => !(left == right);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Indicators.Count} indicators, {Targets.Count} targets)";
}
