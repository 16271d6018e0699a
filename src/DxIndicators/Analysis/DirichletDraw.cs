namespace DxIndicators.Analysis;

/// <summary>
/// Counter-based Dirichlet draws of one node's child weights: independent Gamma(a_c, 1) variates by Marsaglia and
/// Tsang's method (2000), normalised to sum to 1 (docs/methodology.md, "Uncertain inputs"). Every uniform is a pure
/// function of the Weights key and the link, so the draws do not depend on other samples or on threads.
/// </summary>
internal static class DirichletDraw
{
    /// <summary>Rejection attempts per Gamma variate before giving up (acceptance is above 95 % per attempt, so 64 failures in a row have probability below 10⁻⁸³).</summary>
    internal const int MaxAttempts = 64;

    private const ulong LinkStride = 0xD1B54A32D192ED03UL;

    /// <summary>Draws the weights of links <paramref name="firstLink"/> … of one node into <paramref name="weights"/>.</summary>
    /// <param name="key">The sample's Weights key.</param>
    /// <param name="firstLink">The index of the node's first link (the draws of link c use their own key).</param>
    /// <param name="nominal">The nominal weights of the node's links (centred draws use their shares).</param>
    /// <param name="weights">Receives the drawn weights, summing to 1.</param>
    /// <param name="alpha">The concentration α.</param>
    /// <param name="centred">Dirichlet(α·m) with m = nominal / Σ nominal (true), or Dirichlet(α, …, α) (false).</param>
    public static void Draw(ulong key, int firstLink, ReadOnlySpan<double> nominal, Span<double> weights, double alpha, bool centred)
    {
        int k = weights.Length;
        double total = 0;
        for (int c = 0; c < k; c++)
        {
            total += nominal[c];
        }

        // Log-space: the largest log-Gamma is subtracted before exponentiating, so tiny shapes (whose Gamma variates
        // underflow) still give weights that sum to 1 and never an all-zero node.
        double max = double.NegativeInfinity;
        for (int c = 0; c < k; c++)
        {
            double a = centred ? alpha * nominal[c] / total : alpha;
            double g = a > 0 ? LogGamma(LinkKey(key, firstLink + c), a) : double.NegativeInfinity;
            weights[c] = g;
            max = Math.Max(max, g);
        }

        if (double.IsNegativeInfinity(max))
        {
            // Only when every nominal share is 0: nothing to draw; keep the nominal weights.
            nominal.CopyTo(weights);
            return;
        }

        double sum = 0;
        for (int c = 0; c < k; c++)
        {
            double e = Math.Exp(weights[c] - max);
            weights[c] = e;
            sum += e;
        }

        for (int c = 0; c < k; c++)
        {
            weights[c] /= sum;
        }
    }

    /// <summary>The key of one link's draws.</summary>
    internal static ulong LinkKey(ulong key, int link) => CounterRandom.Mix(key ^ ((ulong)(uint)(link + 1) * LinkStride));

    /// <summary>
    /// ln of a Gamma(a, 1) variate: Marsaglia–Tsang with d = a' − 1/3, c = 1/√(9d) on a' = max(a, a + 1 when a &lt; 1):
    /// attempt t takes u₁, u₂, u₃ = draws 1 + 3t, 2 + 3t, 3 + 3t; z = √(−2 ln(1 − u₁))·cos(2π u₂) (Box–Muller);
    /// v = (1 + c z)³; accept when v &gt; 0 and ln(1 − u₃) &lt; z²/2 + d − d v + d ln v, giving ln(d v). For a &lt; 1 the
    /// variate is boosted: + ln(1 − u₀)/a (Gamma(a) = Gamma(a + 1)·U^{1/a}).
    /// </summary>
    internal static double LogGamma(ulong key, double a)
    {
        double shape = a < 1 ? a + 1 : a;
        double d = shape - (1.0 / 3.0);
        double c = 1 / Math.Sqrt(9 * d);
        for (int t = 0; t < MaxAttempts; t++)
        {
            int m = 1 + (3 * t);
            double u1 = CounterRandom.Uniform(key, m), u2 = CounterRandom.Uniform(key, m + 1), u3 = CounterRandom.Uniform(key, m + 2);
            double z = Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2);
            double v = 1 + (c * z);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            if (Math.Log(1 - u3) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                double g = Math.Log(d * v);
                return a < 1 ? g + (Math.Log(1 - CounterRandom.Uniform(key, 0)) / a) : g;
            }
        }

        throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The Gamma({a}) draw was rejected {MaxAttempts} times in a row, which has probability below 1e-83; the random source is broken."));
    }
}
