namespace DxIndicators.Model;

/// <summary>How a node combines its children's scores.</summary>
public enum AggregationMethod
{
    /// <summary>Weighted arithmetic mean over the children present (weights re-normalised).</summary>
    ArithmeticMean,

    /// <summary>Weighted geometric mean; all children must be positive.</summary>
    GeometricMean,

    /// <summary>Weighted harmonic mean; all children must be non-zero.</summary>
    HarmonicMean,

    /// <summary>Weighted generalised (power) mean with exponent p.</summary>
    GeneralisedMean,

    /// <summary>The smallest child score.</summary>
    Minimum,

    /// <summary>Points earned over points possible: each child's score times its max points, missing children earn 0.</summary>
    PointsRatio,
}
