namespace DxIndicators.Analysis;

/// <summary>The result of a Sobol sensitivity analysis.</summary>
/// <remarks>Immutable; safe to share. Formulas: docs/methodology.md, "Sensitivity analysis".</remarks>
public sealed class SobolResult
{
    internal SobolResult(string target, int baseSamples, double mean, double variance, double confidence, int bootstrap, ValueList<SobolIndex> indices, ValueList<SobolConvergence> convergence)
    {
        Target = target;
        BaseSamples = baseSamples;
        Mean = mean;
        Variance = variance;
        Confidence = confidence;
        BootstrapResamples = bootstrap;
        Indices = indices;
        Convergence = convergence;
    }

    /// <summary>Gets what the output y is (for example "mean absolute rank shift of I").</summary>
    public string Target { get; }

    /// <summary>Gets the number of base samples N (the model ran N·(d + 2) times).</summary>
    public int BaseSamples { get; }

    /// <summary>Gets the number of model runs, N·(d + 2).</summary>
    public int Runs => BaseSamples * (Indices.Count + 2);

    /// <summary>Gets the mean of y over the runs of A and B.</summary>
    public double Mean { get; }

    /// <summary>Gets V = var(c(y_A, y_B)) (n − 1 denominator).</summary>
    public double Variance { get; }

    /// <summary>Gets the confidence level of the bootstrap bounds (0.9: the 5 % and 95 % quantiles, as COINr).</summary>
    public double Confidence { get; }

    /// <summary>Gets the number of bootstrap resamples (0: bounds are NaN).</summary>
    public int BootstrapResamples { get; }

    /// <summary>Gets the indices, one per input, in input order.</summary>
    public ValueList<SobolIndex> Indices { get; }

    /// <summary>Gets the estimates from the first N/8, N/4, N/2 and N rows (those of at least 16 rows).</summary>
    public ValueList<SobolConvergence> Convergence { get; }

    /// <summary>Gets the indices of one input.</summary>
    /// <param name="input">The input name.</param>
    /// <returns>The indices.</returns>
    /// <exception cref="KeyNotFoundException">No such input.</exception>
    public SobolIndex Index(string input)
    {
        foreach (SobolIndex s in Indices)
        {
            if (string.Equals(s.Input, input, StringComparison.Ordinal))
            {
                return s;
            }
        }

        throw new KeyNotFoundException($"The analysis has no input '{input}'.");
    }
}
