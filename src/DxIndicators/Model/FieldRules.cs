using System.Globalization;
using NodaTime;

namespace DxIndicators.Model;

/// <summary>
/// The rules on single fields of the definition types, one check each, in one place. A check returns null when the
/// value keeps the rule, else the rule's name (a <see cref="ProblemRules"/> name) and what the rule requires. The
/// public constructors and init accessors throw with it (<see cref="Require"/>); <see cref="FrameworkValidator"/>
/// reports it with the JSON path and its own wording, under the same rule name.
/// </summary>
/// <remarks>A rule lives here when every member it reads is known where it is checked: constructor parameters in the
/// constructor, an init member together with the constructor's members in its accessor. Rules between two init members
/// (a status note iff provisional, a power iff a generalised mean), on a member left out (per-population needs
/// <c>perPopulation</c>, <c>between</c> needs an upper threshold), on duplicates and on other objects (references,
/// the tree, points sums) are the validator's alone (docs/architecture.md, "Types that guard themselves").</remarks>
internal static class FieldRules
{
    /// <summary>A broken field rule.</summary>
    /// <param name="Rule">The rule's name, as <see cref="Problem.Rule"/> reports it.</param>
    /// <param name="Requirement">What the rule asks of the value ("a finite number ≥ 0").</param>
    internal readonly record struct Violation(string Rule, string Requirement);

    /// <summary>A code or source text: not blank.</summary>
    internal static Violation? Text(string value) =>
        string.IsNullOrWhiteSpace(value) ? new(ProblemRules.MissingField, "a non-blank text") : null;

    /// <summary>An optional text that is given (a reference): not blank.</summary>
    internal static Violation? GivenText(string? value) =>
        value is not null && string.IsNullOrWhiteSpace(value) ? new(ProblemRules.MissingField, "a non-blank text when given") : null;

    /// <summary>A name: Vietnamese or English (or both) not blank.</summary>
    internal static Violation? Name(LocalizedText? name) =>
        name is null || (string.IsNullOrWhiteSpace(name.Vi) && string.IsNullOrWhiteSpace(name.En))
            ? new(ProblemRules.MissingField, "a name in Vietnamese or English (or both)")
            : null;

    /// <summary>A threshold, baseline, goalpost or reference value: finite.</summary>
    internal static Violation? Finite(double value) =>
        double.IsFinite(value) ? null : new(ProblemRules.NotFinite, "a finite number");

    /// <summary>Max points of a rule, a node or a link: finite and ≥ 0.</summary>
    internal static Violation? Points(double value) =>
        double.IsFinite(value) && value >= 0 ? null : new(ProblemRules.InvalidPoints, "a finite number ≥ 0");

    /// <summary>The weight of a link: finite and ≥ 0.</summary>
    internal static Violation? Weight(double value) =>
        double.IsFinite(value) && value >= 0 ? null : new(ProblemRules.InvalidWeight, "a finite number ≥ 0");

    /// <summary>A per-population N or a ratio's full-points value: finite and &gt; 0.</summary>
    internal static Violation? Positive(double value) =>
        double.IsFinite(value) && value > 0 ? null : new(ProblemRules.InvalidValue, "a finite number > 0");

    /// <summary>A fraction of max points: in [0, 1].</summary>
    internal static Violation? Fraction(double value) =>
        value >= 0 && value <= 1 ? null : new(ProblemRules.InvalidFraction, "in [0, 1]");

    /// <summary>A node's minimum share of present children: in (0, 1].</summary>
    internal static Violation? Share(double value) =>
        value > 0 && value <= 1 ? null : new(ProblemRules.InvalidShare, "in (0, 1]");

    /// <summary>The power of a generalised mean: finite and not 0.</summary>
    internal static Violation? Power(double value) =>
        double.IsFinite(value) && value != 0 ? null : new(ProblemRules.InvalidPower, "a finite, non-zero number");

    /// <summary>A valid range: min ≤ max, neither NaN (infinite ends allowed).</summary>
    internal static Violation? Range(NumericRange range) =>
        double.IsNaN(range.Min) || double.IsNaN(range.Max) || range.Min > range.Max ? new(ProblemRules.InvertedRange, "a range with min ≤ max") : null;

    /// <summary>Goalposts whose ends are finite: lower &lt; upper.</summary>
    internal static Violation? GoalpostOrder(double lower, double upper) =>
        lower < upper ? null : new(ProblemRules.InvertedRange, "goalposts with lower < upper");

    /// <summary>An output scale: finite min &lt; max.</summary>
    internal static Violation? Scale(OutputScale scale) =>
        double.IsFinite(scale.Min) && double.IsFinite(scale.Max) && scale.Max > scale.Min ? null : new(ProblemRules.InvalidScale, "a scale with finite min < max");

    /// <summary>The number of component indices a source lists: ≥ 1.</summary>
    internal static Violation? ComponentCount(int value) =>
        value >= 1 ? null : new(ProblemRules.InvalidValue, "a whole number ≥ 1");

    /// <summary>An end date: not before the start date.</summary>
    internal static Violation? DateOrder(LocalDate from, LocalDate to) =>
        to < from ? new(ProblemRules.InvertedDates, "a date on or after the start date") : null;

    /// <summary>A target's deadline: not before its baseline date.</summary>
    internal static Violation? DeadlineAfterBaseline(LocalDate deadline, LocalDate baselineDate) =>
        deadline < baselineDate ? new(ProblemRules.DeadlineBeforeBaseline, "a baseline dated on or before the deadline") : null;

    /// <summary>A definition status: one of the defined members.</summary>
    internal static Violation? Status(DefinitionStatus status) =>
        Enum.IsDefined(status) ? null : new(ProblemRules.UnknownEnum, "confirmed or provisional");

    /// <summary>A target comparator: one of the defined members.</summary>
    internal static Violation? Comparator(Comparator comparator) =>
        Enum.IsDefined(comparator) ? null : new(ProblemRules.InvalidComparator, "a defined comparator");

    /// <summary>A merger rule: one of the defined members.</summary>
    internal static Violation? MergerRule(Data.IndexCombination rule) =>
        Enum.IsDefined(rule) ? null : new(ProblemRules.InvalidMergerRule, "notAllowed or unweightedMean");

    /// <summary>A unit registry: a built-in one.</summary>
    internal static Violation? UnitRegistry(string? registry) =>
        registry is not null && registry != FrameworkMetadata.VietnamProvincesRegistry
            ? new(ProblemRules.UnknownUnitRegistry, $"'{FrameworkMetadata.VietnamProvincesRegistry}' or left out")
            : null;

    /// <summary>The threshold of a rank target: a whole number ≥ 1.</summary>
    internal static Violation? Rank(Comparator comparator, double threshold) =>
        comparator == Model.Comparator.RankAtMost && (threshold < 1 || threshold != Math.Floor(threshold))
            ? new(ProblemRules.InvalidRank, "a whole number ≥ 1 for rank-at-most")
            : null;

    /// <summary>The upper threshold given to a target: only for <c>between</c>, and not below the threshold.</summary>
    internal static Violation? UpperThreshold(Comparator comparator, double threshold, double upper)
    {
        if (comparator != Model.Comparator.Between)
        {
            return new(ProblemRules.UnexpectedField, "left out unless the comparator is between");
        }

        return upper < threshold ? new(ProblemRules.InvertedRange, "not below the threshold") : null;
    }

    /// <summary>A code a target supersedes: not its own.</summary>
    internal static Violation? NotSelf(string code, string other) =>
        string.Equals(other, code, StringComparison.Ordinal) ? new(ProblemRules.UnknownReference, "another target's code") : null;

    /// <summary>A list a rule needs one item of at least (children, steps, categories).</summary>
    internal static Violation? NotEmpty(int count, string rule) =>
        count == 0 ? new(rule, "at least one item") : null;

    /// <summary>The parts of an additive rule: 1 to 52 (so every bit set is an exact double).</summary>
    internal static Violation? PartCount(int count) =>
        count is 0 or > 52 ? new(ProblemRules.InvalidParts, "1 to 52 parts") : null;

    /// <summary>The points of one step: in [0, max points].</summary>
    internal static Violation? StepPoints(double points, double maxPoints) =>
        double.IsFinite(points) && points >= 0 && points <= maxPoints ? null : new(ProblemRules.InvalidPoints, string.Create(CultureInfo.InvariantCulture, $"in [0, {maxPoints}]"));

    /// <summary>A value for an init accessor: checked by <paramref name="rule"/> when <paramref name="check"/> is set
    /// (not on the readers' deferred path), then returned to be stored.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="check">Whether the owner checks its fields (false on the deferred path).</param>
    /// <param name="value">The value.</param>
    /// <param name="rule">The rule's check.</param>
    /// <param name="parameter">The property the value is given as.</param>
    /// <returns><paramref name="value"/>.</returns>
    internal static T Checked<T>(bool check, T value, Func<T, Violation?> rule, string parameter)
    {
        if (check)
        {
            Require(rule(value), parameter, value);
        }

        return value;
    }

    /// <summary>An optional value for an init accessor: checked by <paramref name="rule"/> when given and when
    /// <paramref name="check"/> is set (not on the readers' deferred path), then returned to be stored.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="check">Whether the owner checks its fields (false on the deferred path).</param>
    /// <param name="value">The value, or null for none.</param>
    /// <param name="rule">The rule's check.</param>
    /// <param name="parameter">The property the value is given as.</param>
    /// <returns><paramref name="value"/>.</returns>
    internal static T? Checked<T>(bool check, T? value, Func<T, Violation?> rule, string parameter)
        where T : struct
    {
        if (check && value is { } v)
        {
            Require(rule(v), parameter, v);
        }

        return value;
    }

    /// <summary>Throws when <paramref name="violation"/> is a broken rule (the constructors' and init accessors' use).</summary>
    /// <param name="violation">The result of a check.</param>
    /// <param name="parameter">The parameter or property the value was given as.</param>
    /// <param name="value">The value, for the message.</param>
    /// <exception cref="ArgumentException">The rule is broken (an <see cref="ArgumentOutOfRangeException"/> for a
    /// number, a date or a member of an enumeration); the message names the parameter, the rule and the value.</exception>
    internal static void Require(Violation? violation, string parameter, object? value)
    {
        if (violation is not { } v)
        {
            return;
        }

        string shown = value switch
        {
            null => "null",
            string s => "'" + s + "'",
            LocalizedText t => $"vi '{t.Vi}', en '{t.En}'",
            LocalDate date => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            OutputScale scale => string.Create(CultureInfo.InvariantCulture, $"[{scale.Min}, {scale.Max}]"),
            Goalposts posts => string.Create(CultureInfo.InvariantCulture, $"lower {posts.Lower}, upper {posts.Upper}"),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        string message = $"{parameter} must be {v.Requirement}, was {shown} (rule {v.Rule}).";
        if (value is string or LocalizedText or null)
        {
            throw new ArgumentException(message, parameter);
        }

        throw new ArgumentOutOfRangeException(parameter, value, message);
    }

    /// <summary>Whether a constructor checks its fields (the public one) or leaves them to the validator.</summary>
    internal enum Mode
    {
        /// <summary>Every field rule is checked as the value is given; a broken one throws.</summary>
        Checked,

        /// <summary>The readers' path: the values are taken as given and <see cref="FrameworkValidator"/> reports
        /// every broken rule with its JSON path before the object is usable (a <see cref="Framework"/> or
        /// <see cref="TargetCatalog"/> built from it, or a target list checked by <c>ValidateTargets</c>).</summary>
        Deferred,
    }
}
