using NodaTime;

namespace DxIndicators.Model;

/// <summary>A framework's identity, names, methodology source, effective dates and output scale.</summary>
/// <remarks>Immutable, compared by value. Not a positional record: there is no <c>with</c> to copy one past the checks.
/// The constructor and the init accessors check the rules on their values (a non-blank id, version and source, a
/// name, a finite scale with min &lt; max, an end date not before the start, a defined merger rule, a built-in unit
/// registry, a component count ≥ 1) and throw <see cref="ArgumentException"/> naming the parameter, the rule and the
/// value; the same rules are reported with their JSON paths when a framework file is read (docs/framework-format.md).</remarks>
public sealed class FrameworkMetadata : IEquatable<FrameworkMetadata>
{
    // True for the public constructor; false on the readers' path, whose values the validator checks.
    private readonly bool _checked;

    /// <summary>The id of the built-in registry of Vietnam's provinces (63 before 2025-07-01, 34 from then, with lineage).</summary>
    public const string VietnamProvincesRegistry = "vn-provinces";

    /// <summary>Initializes a new instance of the <see cref="FrameworkMetadata"/> class.</summary>
    /// <param name="id">A stable id (lower-case, dashes).</param>
    /// <param name="version">The framework's own version label.</param>
    /// <param name="name">The bilingual name.</param>
    /// <param name="methodologySource">The legal instrument defining the method (for example "Decision 922/QĐ-BTTTT").</param>
    /// <param name="effectiveFrom">The first date the framework applies to.</param>
    /// <param name="scale">The scale scores are published on.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException">The id, version or source is blank, the name has no text, or the scale is
    /// not finite with min &lt; max.</exception>
    public FrameworkMetadata(string id, string version, LocalizedText name, string methodologySource, LocalDate effectiveFrom, OutputScale scale)
        : this(id, version, name, methodologySource, effectiveFrom, scale, FieldRules.Mode.Checked)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FrameworkMetadata"/> class, checking its fields or not.</summary>
    /// <param name="id">The id.</param>
    /// <param name="version">The version label.</param>
    /// <param name="name">The bilingual name.</param>
    /// <param name="methodologySource">The legal instrument.</param>
    /// <param name="effectiveFrom">The first date.</param>
    /// <param name="scale">The output scale.</param>
    /// <param name="mode"><see cref="FieldRules.Mode.Deferred"/> for readers, whose input the validator checks.</param>
    internal FrameworkMetadata(string id, string version, LocalizedText name, string methodologySource, LocalDate effectiveFrom, OutputScale scale, FieldRules.Mode mode)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(methodologySource);
        _checked = mode == FieldRules.Mode.Checked;
        if (_checked)
        {
            FieldRules.Require(FieldRules.Text(id), nameof(id), id);
            FieldRules.Require(FieldRules.Text(version), nameof(version), version);
            FieldRules.Require(FieldRules.Name(name), nameof(name), name);
            FieldRules.Require(FieldRules.Text(methodologySource), nameof(methodologySource), methodologySource);
            FieldRules.Require(FieldRules.Scale(scale), nameof(scale), scale);
        }

        Id = id;
        Version = version;
        Name = name;
        MethodologySource = methodologySource;
        EffectiveFrom = effectiveFrom;
        Scale = scale;
    }

    /// <summary>Gets a stable id (lower-case, dashes).</summary>
    public string Id { get; }

    /// <summary>Gets the framework's own version label.</summary>
    public string Version { get; }

    /// <summary>Gets the bilingual name.</summary>
    public LocalizedText Name { get; }

    /// <summary>Gets the legal instrument defining the method (for example "Decision 922/QĐ-BTTTT").</summary>
    public string MethodologySource { get; }

    /// <summary>Gets the first date the framework applies to.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Gets the scale scores are published on.</summary>
    public OutputScale Scale { get; }

    /// <summary>Gets the last date the framework applies to, if it was superseded.</summary>
    /// <exception cref="ArgumentException">Set to a date before <see cref="EffectiveFrom"/>.</exception>
    public LocalDate? EffectiveTo
    {
        get;
        init
        {
            if (_checked && value is { } to)
            {
                FieldRules.Require(FieldRules.DateOrder(EffectiveFrom, to), nameof(EffectiveTo), to);
            }

            field = value;
        }
    }

    /// <summary>Gets an optional description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets how the framework's index scores combine when units merge or are restated onto successors.</summary>
    /// <value><see cref="Data.IndexCombination.NotAllowed"/> by default; the Vietnamese DTI frameworks declare
    /// <see cref="Data.IndexCombination.UnweightedMean"/>, the rule MOST used to publish 2024 results for the 34 provinces.</value>
    /// <exception cref="ArgumentException">Set to an undefined member.</exception>
    public Data.IndexCombination MergerRule
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.MergerRule, nameof(MergerRule));
    } = Data.IndexCombination.NotAllowed;

    /// <summary>Gets the id of the built-in unit registry the framework's unit codes belong to, or null when they are the user's own.</summary>
    /// <value>Only <see cref="VietnamProvincesRegistry"/> is defined; data read for the framework are checked against it unless the caller says otherwise.</value>
    /// <exception cref="ArgumentException">Set to an id other than <see cref="VietnamProvincesRegistry"/>.</exception>
    public string? UnitRegistry
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.UnitRegistry, nameof(UnitRegistry));
    }

    /// <summary>Gets the number of component indices (chỉ số thành phần) the methodology source lists, when the
    /// framework models a coarser level (main indices) and so has fewer indicators than the source has components.</summary>
    /// <exception cref="ArgumentException">Set to a number below 1.</exception>
    public int? ComponentCount
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.ComponentCount, nameof(ComponentCount));
    }

    /// <summary>Compares two metadata by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when both are null or every member is equal.</returns>
    public static bool operator ==(FrameworkMetadata? left, FrameworkMetadata? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two metadata by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(FrameworkMetadata? left, FrameworkMetadata? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(FrameworkMetadata? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Version, other.Version, StringComparison.Ordinal)
        && Name == other.Name
        && string.Equals(MethodologySource, other.MethodologySource, StringComparison.Ordinal)
        && EffectiveFrom == other.EffectiveFrom
        && Scale.Equals(other.Scale)
        && EffectiveTo == other.EffectiveTo
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && MergerRule == other.MergerRule
        && string.Equals(UnitRegistry, other.UnitRegistry, StringComparison.Ordinal)
        && ComponentCount == other.ComponentCount;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FrameworkMetadata);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), StringComparer.Ordinal.GetHashCode(Version), Name, EffectiveFrom, Scale);

    /// <inheritdoc/>
    public override string ToString() => Id + " " + Version;
}
