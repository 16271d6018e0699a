namespace DxIndicators;

/// <summary>The one list of rule names used in every problem report (<see cref="Problem.Rule"/>) by every reader, validator and engine of the package; each is documented in
/// docs/reliability.md. Rule names are stable: scripts may match on them.</summary>
public static class ProblemRules
{
    /// <summary>The input is not well-formed: CSV quoting, JSON syntax, an empty file, a wrong JSON shape, a repeated or unknown JSON root property, or text that is not UTF-8.</summary>
    public const string Malformed = "malformed";

    /// <summary>A CSV header is missing a required column, repeats one or names an unknown one.</summary>
    public const string BadHeader = "bad-header";

    /// <summary>A CSV row has more fields than the header.</summary>
    public const string ExtraFields = "extra-fields";

    /// <summary>A CSV row has fewer fields than the header (a truncated or mis-delimited row).</summary>
    public const string MissingFields = "missing-fields";

    /// <summary>A required field or property is empty or missing.</summary>
    public const string MissingField = "missing-field";

    /// <summary>A number could not be parsed (invariant culture, '.' decimal point, no thousands separators).</summary>
    public const string BadNumber = "bad-number";

    /// <summary>A number is NaN, infinite or beyond ±1.8e308.</summary>
    public const string NotFinite = "not-finite";

    /// <summary>A non-zero number is too small for a double (1e-400) and would silently become 0.</summary>
    public const string Underflow = "underflow";

    /// <summary>A period is not 2024, 2024-H1, 2024-Q3, 2024-07 or 2024-07-15.</summary>
    public const string BadPeriod = "bad-period";

    /// <summary>A date is not an ISO date (uuuu-MM-dd).</summary>
    public const string BadDate = "bad-date";

    /// <summary>A boolean is not true or false.</summary>
    public const string BadBoolean = "bad-boolean";

    /// <summary>A qualifier is not exact, estimate, lowerBound or upperBound.</summary>
    public const string BadQualifier = "bad-qualifier";

    /// <summary>A status is not official or provisional.</summary>
    public const string BadStatus = "bad-status";

    /// <summary>A unit code is not in the registry on the period's date.</summary>
    public const string UnknownUnit = "unknown-unit";

    /// <summary>An indicator code is not in the framework.</summary>
    public const string UnknownIndicator = "unknown-indicator";

    /// <summary>A value lies outside its indicator's valid range.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>The same (unit, indicator, period) has two different observations.</summary>
    public const string DuplicateKey = "duplicate-key";

    /// <summary>A rate disagrees with 100·numerator/denominator beyond its stated precision.</summary>
    public const string RateMismatch = "rate-mismatch";

    /// <summary>Only one of numerator and denominator is given.</summary>
    public const string RateCountsIncomplete = "rate-counts-incomplete";

    /// <summary>A denominator is zero or negative.</summary>
    public const string BadDenominator = "bad-denominator";

    /// <summary>An input exceeds one of the InputLimits (file size, line length, columns, rows, JSON depth, nodes, indicators, units, periods).</summary>
    public const string LimitExceeded = "limit-exceeded";

    /// <summary>A unit level is not one of the AdminLevel names (nation, province, district, commune).</summary>
    public const string UnknownLevel = "unknown-level";

    /// <summary>A unit kind is not one of the UnitKind names.</summary>
    public const string UnknownKind = "unknown-kind";

    /// <summary>A unit id is not code@vintage (or the bare code when there is no vintage).</summary>
    public const string BadId = "bad-id";

    /// <summary>A unit's last valid day is before its first.</summary>
    public const string InvertedValidity = "valid-to-before-valid-from";

    /// <summary>A unit breaks another rule of AdministrativeUnit (a code or vintage containing '@').</summary>
    public const string InvalidUnit = "invalid-unit";

    /// <summary>Two units have the same id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>One unit code is valid for two units on the same day.</summary>
    public const string CodeOverlap = "code-overlap";

    /// <summary>A parent id names no unit of the registry.</summary>
    public const string UnknownParent = "unknown-parent";

    /// <summary>Following parents from a unit leads back to it.</summary>
    public const string ParentCycle = "parent-cycle";

    /// <summary>A lineage link names a unit that is not in the registry.</summary>
    public const string UnknownLinkUnit = "unknown-succession-unit";

    /// <summary>A lineage link's date is not the day after the predecessor's last day, or the successor is not valid then.</summary>
    public const string BadLinkDate = "bad-succession-date";

    /// <summary>A JSON value has the wrong type (a string where a number belongs, an object where an array belongs).</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A JSON object has a property the format does not define (often a misspelling).</summary>
    public const string UnknownProperty = "unknown-property";

    /// <summary>A JSON object has the same property twice.</summary>
    public const string DuplicateProperty = "duplicate-property";

    /// <summary>A name is not one of the allowed enum names (exact, case-sensitive in JSON).</summary>
    public const string UnknownEnum = "unknown-enum";

    /// <summary>A formatVersion this library does not read.</summary>
    public const string UnsupportedVersion = "unsupported-version";

    /// <summary>A code (indicator, node, target, category value) is used twice.</summary>
    public const string DuplicateCode = "duplicate-code";

    /// <summary>A node lists the same child twice.</summary>
    public const string DuplicateChild = "duplicate-child";

    /// <summary>A code refers to a node, indicator or root that does not exist.</summary>
    public const string UnknownReference = "unknown-reference";

    /// <summary>Nodes reach themselves through their children.</summary>
    public const string Cycle = "cycle";

    /// <summary>A warning, not an error: a node, indicator or target is marked provisional (its rule is not public), with its note.</summary>
    public const string Provisional = "provisional";

    /// <summary>A node or indicator is under no root or pillar (a warning for indicators).</summary>
    public const string Unreachable = "unreachable";

    /// <summary>A node has no children.</summary>
    public const string EmptyNode = "empty-node";

    /// <summary>A link weight is negative, NaN or infinite.</summary>
    public const string InvalidWeight = "invalid-weight";

    /// <summary>All of a node's children weigh zero, so its score would be 0/0.</summary>
    public const string ZeroWeights = "zero-weights";

    /// <summary>The output scale does not have finite min &lt; max.</summary>
    public const string InvalidScale = "invalid-scale";

    /// <summary>A range has min &gt; max (valid range, between thresholds).</summary>
    public const string InvertedRange = "inverted-range";

    /// <summary>effectiveTo is before effectiveFrom.</summary>
    public const string InvertedDates = "inverted-dates";

    /// <summary>A value breaks its field's rule (perPopulation ≤ 0, fullAt ≤ 0).</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>A generalised-mean power is not finite or is zero.</summary>
    public const string InvalidPower = "invalid-power";

    /// <summary>A minimum share of children is outside [0, 1].</summary>
    public const string InvalidShare = "invalid-share";

    /// <summary>A rank threshold is not a whole number ≥ 1.</summary>
    public const string InvalidRank = "invalid-rank";

    /// <summary>A target comparator is not one of &gt;=, &gt;, &lt;=, &lt;, =, between, rank&lt;=.</summary>
    public const string InvalidComparator = "invalid-comparator";

    /// <summary>A points fraction is outside [0, 1].</summary>
    public const string InvalidFraction = "invalid-fraction";

    /// <summary>An additive points rule has no parts or more than 52.</summary>
    public const string InvalidParts = "invalid-parts";

    /// <summary>A points rule's maximum is not a finite positive number, or a node's points do not fit.</summary>
    public const string InvalidPoints = "invalid-points";

    /// <summary>A points-ratio node has a child without a points rule.</summary>
    public const string MissingPoints = "missing-points";

    /// <summary>A node's children's points do not add up to its maximum.</summary>
    public const string PointsSum = "points-sum";

    /// <summary>A child's points rule and its link disagree.</summary>
    public const string PointsMismatch = "points-mismatch";

    /// <summary>A steps points rule has no steps.</summary>
    public const string EmptySteps = "empty-steps";

    /// <summary>A steps rule's thresholds or points do not increase.</summary>
    public const string NonMonotoneSteps = "non-monotone-steps";

    /// <summary>A categorical points rule has no categories.</summary>
    public const string EmptyCategories = "empty-categories";

    /// <summary>A value that must be ≥ 0 is negative.</summary>
    public const string NonNegative = "non-negative";

    /// <summary>A field is given where it has no meaning (an upper threshold for a comparator other than between).</summary>
    public const string UnexpectedField = "unexpected-field";

    /// <summary>Only one of a target's baseline date and value is given.</summary>
    public const string IncompleteBaseline = "incomplete-baseline";

    /// <summary>A target's deadline is before its baseline date.</summary>
    public const string DeadlineBeforeBaseline = "deadline-before-baseline";

    /// <summary>A framework's merger rule is not one of the defined values (notAllowed, unweightedMean).</summary>
    public const string InvalidMergerRule = "invalid-merger-rule";

    /// <summary>A framework names a unit registry that is not built in.</summary>
    public const string UnknownUnitRegistry = "unknown-unit-registry";

    /// <summary>A roll-up parent lacks a value for some of its children.</summary>
    public const string IncompleteChildren = "incomplete-children";

    /// <summary>A unit has data for a period but is no longer a child of its parent then.</summary>
    public const string RetiredChild = "retired-child";

    /// <summary>A rate or percentage cannot be rolled up without its numerator and denominator.</summary>
    public const string RollupNeedsCounts = "rollup-needs-counts";

    /// <summary>A per-population value cannot be rolled up without a population.</summary>
    public const string RollupNeedsPopulation = "rollup-needs-population";

    /// <summary>A weighted value cannot be rolled up without its weight.</summary>
    public const string RollupNeedsWeight = "rollup-needs-weight";

    /// <summary>A measure kind cannot be combined across units (an index score, a rank).</summary>
    public const string RollupNotCombinable = "rollup-not-combinable";

    /// <summary>Gets every rule name, in the order of this list.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(ProblemRules).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
}
