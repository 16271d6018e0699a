namespace DxIndicators.Analysis;

/// <summary>
/// Counter-based uniform draws: every value is a pure function of (seed, stream, row, group, index), so any thread can
/// draw any sample's parameters in any order and the same seed always gives the same values (docs/methodology.md,
/// "Seeding"). The mixing function is SplitMix64's finaliser (Steele, Lea and Flood 2014).
/// </summary>
internal static class CounterRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 finaliser: a bijection on 64-bit integers with full avalanche.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The key of one (stream, row, group): the draws of that group in that row are <see cref="Uniform"/>(key, k).</summary>
    public static ulong Key(int seed, int stream, long row, int group) =>
        Mix(Mix(Mix(((ulong)(uint)seed * Golden) ^ ((ulong)(uint)stream << 32)) + ((ulong)row * Golden)) + ((ulong)(uint)group * 0xD1B54A32D192ED03UL));

    /// <summary>The k-th uniform of a key, in [0, 1) with 53 random bits.</summary>
    // The 53-bit integer is converted as a signed one: the same exact value, without the unsigned conversion's fix-up.
    public static double Uniform(ulong key, int k) => (long)(Mix(key + ((ulong)(uint)(k + 1) * Golden)) >> 11) * (1.0 / (1L << 53));
}
