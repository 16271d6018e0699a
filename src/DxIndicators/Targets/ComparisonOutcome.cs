namespace DxIndicators.Targets;

/// <summary>What a (possibly qualified) value says about a target comparison.</summary>
public enum ComparisonOutcome
{
    /// <summary>Every value the figure allows fails the comparison.</summary>
    NotMet,

    /// <summary>Every value the figure allows passes the comparison.</summary>
    Met,

    /// <summary>Some values the figure allows pass and some fail ("over 90%" against "≥ 95%").</summary>
    Undecided,
}
