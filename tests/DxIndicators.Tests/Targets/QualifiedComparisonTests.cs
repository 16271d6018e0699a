using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Targets;

namespace DxIndicators.Tests.Targets;

public class QualifiedComparisonTests
{
    // Each row: comparator, threshold, upper (between only), value, qualifier, expected.
    // Expectations derived by hand from the set of true values x each figure allows:
    // exact/estimate: x = v; lower bound "over v": x > v; upper bound "under v": x < v.
    // Met = all x pass, NotMet = no x passes, Undecided = some do, some don't.
    public static TheoryData<Comparator, double, double?, double, Qualifier, ComparisonOutcome> Table => new()
    {
        // ≥ 90
        { Comparator.AtLeast, 90, null, 90, Qualifier.Exact, ComparisonOutcome.Met },             // 90 ≥ 90
        { Comparator.AtLeast, 90, null, 89.9, Qualifier.Exact, ComparisonOutcome.NotMet },        // 89.9 < 90
        { Comparator.AtLeast, 90, null, 90, Qualifier.Estimate, ComparisonOutcome.Met },          // estimate treated as exact
        { Comparator.AtLeast, 90, null, 89, Qualifier.Estimate, ComparisonOutcome.NotMet },
        { Comparator.AtLeast, 90, null, 90, Qualifier.LowerBound, ComparisonOutcome.Met },        // x > 90 ⇒ x ≥ 90
        { Comparator.AtLeast, 90, null, 85, Qualifier.LowerBound, ComparisonOutcome.Undecided },  // x > 85: 86 fails, 91 passes
        { Comparator.AtLeast, 95, null, 90, Qualifier.LowerBound, ComparisonOutcome.Undecided },  // brief: "over 90" decides nothing for "≥ 95"
        { Comparator.AtLeast, 90, null, 90, Qualifier.UpperBound, ComparisonOutcome.NotMet },     // x < 90 ⇒ never ≥ 90
        { Comparator.AtLeast, 90, null, 95, Qualifier.UpperBound, ComparisonOutcome.Undecided },  // x < 95: 92 passes, 80 fails

        // > t
        { Comparator.GreaterThan, 89, null, 90, Qualifier.LowerBound, ComparisonOutcome.Met },    // brief: "over 90" satisfies "> 89"
        { Comparator.GreaterThan, 90, null, 90, Qualifier.LowerBound, ComparisonOutcome.Met },    // x > 90 strictly satisfies "> 90"
        { Comparator.GreaterThan, 90, null, 89.5, Qualifier.LowerBound, ComparisonOutcome.Undecided }, // x > 89.5: 89.7 fails, 91 passes
        { Comparator.GreaterThan, 90, null, 90, Qualifier.Exact, ComparisonOutcome.NotMet },      // 90 is not > 90
        { Comparator.GreaterThan, 90, null, 90.5, Qualifier.Exact, ComparisonOutcome.Met },
        { Comparator.GreaterThan, 90, null, 91, Qualifier.Estimate, ComparisonOutcome.Met },
        { Comparator.GreaterThan, 90, null, 90, Qualifier.UpperBound, ComparisonOutcome.NotMet }, // x < 90
        { Comparator.GreaterThan, 90, null, 91, Qualifier.UpperBound, ComparisonOutcome.Undecided }, // x < 91: 90.5 passes, 80 fails

        // ≤ 10
        { Comparator.AtMost, 10, null, 10, Qualifier.UpperBound, ComparisonOutcome.Met },         // brief: "under 10" satisfies "≤ 10"
        { Comparator.AtMost, 10, null, 8, Qualifier.UpperBound, ComparisonOutcome.Met },
        { Comparator.AtMost, 10, null, 12, Qualifier.UpperBound, ComparisonOutcome.Undecided },   // x < 12: 9 passes, 11 fails
        { Comparator.AtMost, 10, null, 10, Qualifier.LowerBound, ComparisonOutcome.NotMet },      // x > 10
        { Comparator.AtMost, 10, null, 5, Qualifier.LowerBound, ComparisonOutcome.Undecided },    // x > 5: 6 passes, 11 fails
        { Comparator.AtMost, 10, null, 10, Qualifier.Exact, ComparisonOutcome.Met },
        { Comparator.AtMost, 10, null, 10.1, Qualifier.Exact, ComparisonOutcome.NotMet },
        { Comparator.AtMost, 10, null, 9, Qualifier.Estimate, ComparisonOutcome.Met },

        // < 10
        { Comparator.LessThan, 10, null, 10, Qualifier.UpperBound, ComparisonOutcome.Met },       // brief: "under 10" satisfies "< 10"
        { Comparator.LessThan, 10, null, 11, Qualifier.UpperBound, ComparisonOutcome.Undecided },
        { Comparator.LessThan, 10, null, 10, Qualifier.Exact, ComparisonOutcome.NotMet },         // 10 is not < 10
        { Comparator.LessThan, 10, null, 9.99, Qualifier.Exact, ComparisonOutcome.Met },
        { Comparator.LessThan, 10, null, 10, Qualifier.Estimate, ComparisonOutcome.NotMet },
        { Comparator.LessThan, 10, null, 10, Qualifier.LowerBound, ComparisonOutcome.NotMet },    // x > 10
        { Comparator.LessThan, 10, null, 9, Qualifier.LowerBound, ComparisonOutcome.Undecided },  // x > 9: 9.5 passes, 12 fails

        // = 100
        { Comparator.EqualTo, 100, null, 100, Qualifier.Exact, ComparisonOutcome.Met },
        { Comparator.EqualTo, 100, null, 99.9, Qualifier.Exact, ComparisonOutcome.NotMet },
        { Comparator.EqualTo, 100, null, 100, Qualifier.Estimate, ComparisonOutcome.Met },
        { Comparator.EqualTo, 100, null, 100, Qualifier.LowerBound, ComparisonOutcome.NotMet },   // x > 100 ≠ 100
        { Comparator.EqualTo, 100, null, 99, Qualifier.LowerBound, ComparisonOutcome.Undecided }, // x > 99 may be 100
        { Comparator.EqualTo, 100, null, 100, Qualifier.UpperBound, ComparisonOutcome.NotMet },   // x < 100
        { Comparator.EqualTo, 100, null, 101, Qualifier.UpperBound, ComparisonOutcome.Undecided },

        // between [10, 20]
        { Comparator.Between, 10, 20, 10, Qualifier.Exact, ComparisonOutcome.Met },               // inclusive ends
        { Comparator.Between, 10, 20, 20, Qualifier.Exact, ComparisonOutcome.Met },
        { Comparator.Between, 10, 20, 9, Qualifier.Exact, ComparisonOutcome.NotMet },
        { Comparator.Between, 10, 20, 21, Qualifier.Exact, ComparisonOutcome.NotMet },
        { Comparator.Between, 10, 20, 15, Qualifier.Estimate, ComparisonOutcome.Met },
        { Comparator.Between, 10, 20, 20, Qualifier.LowerBound, ComparisonOutcome.NotMet },       // x > 20
        { Comparator.Between, 10, 20, 15, Qualifier.LowerBound, ComparisonOutcome.Undecided },    // x > 15: 16 in, 25 out
        { Comparator.Between, 10, 20, 5, Qualifier.LowerBound, ComparisonOutcome.Undecided },
        { Comparator.Between, 10, 20, 10, Qualifier.UpperBound, ComparisonOutcome.NotMet },       // x < 10
        { Comparator.Between, 10, 20, 15, Qualifier.UpperBound, ComparisonOutcome.Undecided },    // x < 15: 12 in, 3 out
        { Comparator.Between, 10, 20, 25, Qualifier.UpperBound, ComparisonOutcome.Undecided },

        // rank ≤ 70 (1 is best)
        { Comparator.RankAtMost, 70, null, 70, Qualifier.Exact, ComparisonOutcome.Met },
        { Comparator.RankAtMost, 70, null, 71, Qualifier.Exact, ComparisonOutcome.NotMet },
        { Comparator.RankAtMost, 70, null, 50, Qualifier.Estimate, ComparisonOutcome.Met },
        { Comparator.RankAtMost, 70, null, 70, Qualifier.UpperBound, ComparisonOutcome.Met },     // better than 70th
        { Comparator.RankAtMost, 70, null, 75, Qualifier.UpperBound, ComparisonOutcome.Undecided },
        { Comparator.RankAtMost, 70, null, 70, Qualifier.LowerBound, ComparisonOutcome.NotMet },  // worse than 70th
        { Comparator.RankAtMost, 70, null, 60, Qualifier.LowerBound, ComparisonOutcome.Undecided },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Evaluate_ComparatorAndQualifier_MatchesTruthTable(Comparator comparator, double threshold, double? upper, double value, Qualifier qualifier, ComparisonOutcome expected)
    {
        QualifiedComparison.Evaluate(comparator, threshold, upper, value, qualifier).Should().Be(expected);
    }

    [Fact]
    public void Table_CoversEveryComparatorAndQualifier()
    {
        var pairs = Table.Select(row => ((Comparator)row[0], (Qualifier)row[4])).ToHashSet();
        foreach (Comparator c in Enum.GetValues<Comparator>())
        {
            foreach (Qualifier q in Enum.GetValues<Qualifier>())
            {
                pairs.Should().Contain((c, q), $"the truth table must test {c} × {q}");
            }
        }
    }

    [Fact]
    public void Evaluate_BetweenWithoutUpper_Throws()
    {
        Action act = () => QualifiedComparison.Evaluate(Comparator.Between, 10, null, 15, Qualifier.Exact);
        act.Should().Throw<ArgumentException>().WithMessage("*upper threshold*");
    }

    [Fact]
    public void Evaluate_NaNValue_Throws()
    {
        Action act = () => QualifiedComparison.Evaluate(Comparator.AtLeast, 10, null, double.NaN, Qualifier.Exact);
        act.Should().Throw<ArgumentException>().WithMessage("*value*finite*");
    }
}
