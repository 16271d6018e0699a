using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Data;

/// <summary>
/// An immutable set of observations indexed by (unit, indicator, period), with series and cross-section queries.
/// </summary>
/// <remarks>
/// <para>Immutable; safe to share between threads.</para>
/// <para>Rules checked on construction (all problems are reported together): every value, numerator and denominator is
/// finite; numerator and denominator come together, with a positive denominator; a stated rate agrees with
/// 100·numerator/denominator to the precision it is stated with (see the rate check (docs/data.md): |value − 100·n/d| ≤ half
/// a unit in the last decimal of the value's shortest round-trip form, so 2,410/2,699 = 89.29…% accepts 89.3);
/// a key has at most one observation — the same observation given twice is kept once, two different ones are an
/// error that shows both with their sources.</para>
/// <para>Storage is columnar: the unit, indicator and period of a row are interned to ints and packed into one sorted
/// 64-bit key, so lookups are binary searches and a series is a contiguous run. Units and indicators are ordered
/// ordinally, periods by <see cref="ReportingPeriod"/> order. Equality is bit for bit on values and counts
/// (so −0.0 ≠ 0.0, and the equality of a written and re-read dataset is exact).</para>
/// </remarks>
public sealed class Dataset : IEquatable<Dataset>
{
    private readonly string[] _units;
    private readonly string[] _indicators;
    private readonly ReportingPeriod[] _periods;
    private readonly Provenance[] _provenances;
    private readonly long[] _keys;
    private readonly double[] _values;
    private readonly byte[] _flags;
    private readonly double[]? _numerators;
    private readonly double[]? _denominators;
    private readonly int[]? _provenance;
    private readonly int _count;
    private readonly FrozenDictionary<string, int> _unitIndex;
    private readonly FrozenDictionary<string, int> _indicatorIndex;
    private readonly Dictionary<ReportingPeriod, int> _periodIndex;

    /// <summary>Initializes a dataset from observations, checking every rule in the type remarks.</summary>
    /// <param name="observations">The observations, in any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">One or more rules are broken; the message lists every problem, located as <c>observations[i]</c>.</exception>
    public Dataset(IEnumerable<Observation> observations)
        : this(Check(observations))
    {
    }

    private Dataset(Dataset built)
    {
        // Share the checked dataset's immutable state rather than rebuilding its indexes.
        _units = built._units;
        _indicators = built._indicators;
        _periods = built._periods;
        _provenances = built._provenances;
        _keys = built._keys;
        _values = built._values;
        _flags = built._flags;
        _numerators = built._numerators;
        _denominators = built._denominators;
        _provenance = built._provenance;
        _count = built._count;
        _unitIndex = built._unitIndex;
        _indicatorIndex = built._indicatorIndex;
        _periodIndex = built._periodIndex;
        Units = built.Units;
        Indicators = built.Indicators;
        Periods = built.Periods;
    }

    internal Dataset(
        string[] units,
        string[] indicators,
        ReportingPeriod[] periods,
        Provenance[] provenances,
        long[] keys,
        double[] values,
        byte[] flags,
        double[]? numerators,
        double[]? denominators,
        int[]? provenance,
        int count)
    {
        // The row columns may be longer than count (a loader's columns handed over without a trimming copy);
        // rows at count and beyond are never read.
        _count = count;
        _units = units;
        _indicators = indicators;
        _periods = periods;
        _provenances = provenances;
        _keys = keys;
        _values = values;
        _flags = flags;
        _numerators = numerators;
        _denominators = denominators;
        _provenance = provenance;
        _unitIndex = Index(units);
        _indicatorIndex = Index(indicators);
        _periodIndex = new Dictionary<ReportingPeriod, int>(periods.Length);
        for (int i = 0; i < periods.Length; i++)
        {
            _periodIndex[periods[i]] = i;
        }

        Units = units.ToValueList();
        Indicators = indicators.ToValueList();
        Periods = periods.ToValueList();
    }

    /// <summary>Gets the empty dataset.</summary>
    public static Dataset Empty { get; } = new([], [], [], [], [], [], [], null, null, null, 0);

    /// <summary>Gets the number of observations.</summary>
    public int Count => _count;

    /// <summary>Gets the unit codes that have observations, in ordinal order.</summary>
    public ValueList<string> Units { get; }

    /// <summary>Gets the indicator codes that have observations, in ordinal order.</summary>
    public ValueList<string> Indicators { get; }

    /// <summary>Gets the periods that have observations, in period order.</summary>
    public ValueList<ReportingPeriod> Periods { get; }

    /// <summary>Gets every observation, ordered by unit, indicator, then period.</summary>
    /// <remarks>Observations are materialised on demand from the columnar store.</remarks>
    public IEnumerable<Observation> Observations
    {
        get
        {
            for (int r = 0; r < _count; r++)
            {
                yield return Row(r);
            }
        }
    }

    /// <summary>Builds a dataset, returning every problem instead of throwing.</summary>
    /// <param name="observations">The observations.</param>
    /// <param name="dataset">The dataset when there were no problems, else null.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns><see langword="true"/> when the dataset was built.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> or one of its elements is null.</exception>
    // Long: the one validating construction path: each observation rule in order, then the build.
    public static bool TryCreate(IEnumerable<Observation> observations, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Dataset? dataset, out IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var found = new List<Problem>();
        var builder = new DatasetBuilder();
        int i = 0;
        foreach (Observation o in observations)
        {
            ArgumentNullException.ThrowIfNull(o, nameof(observations));
            string where = string.Create(CultureInfo.InvariantCulture, $"observations[{i}]");
            bool ok = true;
            if (string.IsNullOrWhiteSpace(o.Unit) || string.IsNullOrWhiteSpace(o.Indicator))
            {
                found.Add(new Problem(where, ProblemRules.MissingField, "Unit and indicator codes must not be empty.") { Unit = o.Unit, Code = o.Indicator });
                ok = false;
            }
            else if (o.Unit.Trim().Length != o.Unit.Length || o.Indicator.Trim().Length != o.Indicator.Length)
            {
                // Readers trim codes, so a padded code would not survive a write/read round trip.
                found.Add(new Problem(where, ProblemRules.MissingField, $"Codes must not start or end with white space: unit '{o.Unit}', indicator '{o.Indicator}'.") { Unit = o.Unit, Code = o.Indicator });
                ok = false;
            }

            if (o.Provenance is { Published: null } provenance && string.IsNullOrEmpty(provenance.Source))
            {
                // An empty provenance is written as empty fields, which read back as no provenance at all.
                found.Add(new Problem(where, ProblemRules.MissingField, $"{Describe(o.Unit, o.Indicator, o.Period)}: a provenance needs a source or a publication date; leave Provenance null when both are unknown.") { Field = "source", Unit = o.Unit, Code = o.Indicator });
                ok = false;
            }

            foreach ((string rule, string column, string message) in RateCheck.Check(o.Value, o.Numerator, o.Denominator))
            {
                found.Add(new Problem(where, rule, $"{Describe(o.Unit, o.Indicator, o.Period)}: {message}") { Field = column, Unit = o.Unit, Code = o.Indicator });
                ok = false;
            }

            if (!Enum.IsDefined(o.Qualifier) || !Enum.IsDefined(o.Status))
            {
                found.Add(new Problem(where, ProblemRules.BadQualifier, $"{Describe(o.Unit, o.Indicator, o.Period)}: qualifier {(int)o.Qualifier} or status {(int)o.Status} is not a defined value.") { Unit = o.Unit, Code = o.Indicator });
                ok = false;
            }

            if (ok)
            {
                builder.Add(o, i);
            }

            i++;
        }

        var conflicts = new List<int[]>();
        Dataset built = builder.Build(conflicts, dropConflicts: false);
        foreach (int[] group in conflicts)
        {
            found.Add(Conflict(group, builder, g => string.Create(CultureInfo.InvariantCulture, $"observations[{g}]")));
        }

        problems = found;
        dataset = found.Count == 0 ? built : null;
        return dataset is not null;
    }

    /// <summary>Gets the observation for a key.</summary>
    /// <param name="unit">The unit code.</param>
    /// <param name="indicator">The indicator code.</param>
    /// <param name="period">The period.</param>
    /// <param name="observation">The observation, when present.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool TryGet(string unit, string indicator, ReportingPeriod period, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Observation? observation)
    {
        int r = Find(unit, indicator, period);
        observation = r >= 0 ? Row(r) : null;
        return r >= 0;
    }

    /// <summary>Gets the value for a key, or NaN when missing.</summary>
    /// <param name="unit">The unit code.</param>
    /// <param name="indicator">The indicator code.</param>
    /// <param name="period">The period.</param>
    /// <returns>The value or NaN.</returns>
    public double ValueOrNaN(string unit, string indicator, ReportingPeriod period)
    {
        int r = Find(unit, indicator, period);
        return r >= 0 ? _values[r] : double.NaN;
    }

    /// <summary>Gets a unit's series for an indicator.</summary>
    /// <param name="unit">The unit code.</param>
    /// <param name="indicator">The indicator code.</param>
    /// <returns>The observations ordered by period (empty when there are none).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyList<Observation> Series(string unit, string indicator)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(indicator);
        if (!_unitIndex.TryGetValue(unit, out int u) || !_indicatorIndex.TryGetValue(indicator, out int i))
        {
            return [];
        }

        int start = LowerBound(DatasetBuilder.Pack(u, i, 0));
        int end = LowerBound(DatasetBuilder.Pack(u, i + 1, 0));
        var series = new Observation[end - start];
        for (int r = start; r < end; r++)
        {
            series[r - start] = Row(r);
        }

        return series;
    }

    /// <summary>
    /// Gets the latest observation of a unit's indicator whose period ends on or before <paramref name="asOf"/>
    /// (the "latest known value" a dashboard shows).
    /// </summary>
    /// <param name="unit">The unit code.</param>
    /// <param name="indicator">The indicator code.</param>
    /// <param name="asOf">The last day that counts.</param>
    /// <returns>The observation, or <see langword="null"/> when there is none by then.</returns>
    public Observation? Latest(string unit, string indicator, LocalDate asOf)
    {
        IReadOnlyList<Observation> series = Series(unit, indicator);
        for (int i = series.Count - 1; i >= 0; i--)
        {
            if (series[i].Period.End <= asOf)
            {
                return series[i];
            }
        }

        return null;
    }

    /// <summary>Gets the observations of one period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The observations, ordered by unit then indicator.</returns>
    public IEnumerable<Observation> ForPeriod(ReportingPeriod period)
    {
        if (!_periodIndex.TryGetValue(period, out int p))
        {
            yield break;
        }

        for (int r = 0; r < _count; r++)
        {
            if ((_keys[r] & DatasetBuilder.Mask) == p)
            {
                yield return Row(r);
            }
        }
    }

    /// <summary>
    /// Builds the units × indicators matrix of each indicator's latest value on or before <paramref name="asOf"/>
    /// (the "latest known value" cross-section a dashboard shows), in a framework's indicator order.
    /// </summary>
    /// <param name="framework">The framework; its <see cref="Framework.Indicators"/> order is the column order.</param>
    /// <param name="asOf">The last day that counts: an observation counts when its period ends on or before it.</param>
    /// <param name="units">The unit codes for the rows, in order; null means every unit with at least one value of a framework indicator by <paramref name="asOf"/>, in ordinal order.</param>
    /// <returns>The matrix; NaN marks an indicator with no value by then. Each cell is <see cref="Latest"/>'s value, so
    /// cells of one row may come from different periods (see <see cref="Latest"/> for which observation is taken).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="framework"/> is null.</exception>
    public IndicatorMatrix CrossSectionAsOf(Framework framework, LocalDate asOf, IReadOnlyList<string>? units = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        IReadOnlyList<string> rows = units ?? Units.Where(u => framework.Indicators.Any(i => Latest(u, i.Code, asOf) is not null)).ToList();
        var values = new double[rows.Count * framework.Indicators.Count];
        for (int c = 0; c < framework.Indicators.Count; c++)
        {
            for (int r = 0; r < rows.Count; r++)
            {
                values[(c * rows.Count) + r] = Latest(rows[r], framework.Indicators[c].Code, asOf)?.Value ?? double.NaN;
            }
        }

        return new IndicatorMatrix(rows, framework.Indicators.Select(i => i.Code), values);
    }

    /// <summary>Gets the latest period end in the data set, the default "as of" date that makes a result independent of the clock.</summary>
    /// <value>The latest <see cref="ReportingPeriod.End"/>; null when the data set is empty.</value>
    public LocalDate? LatestDate => _periods.Length == 0 ? null : _periods.Max(p => p.End);

    /// <summary>Builds the units × indicators matrix of one period in a framework's indicator order.</summary>
    /// <param name="framework">The framework; its <see cref="Framework.Indicators"/> order is the column order.</param>
    /// <param name="period">The period.</param>
    /// <param name="units">The unit codes for the rows, in order; null means every unit with at least one observation of a framework indicator in the period, in ordinal order.</param>
    /// <returns>The matrix; NaN marks a missing value (including unknown units and indicators absent from the data).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="framework"/> is null.</exception>
    /// <remarks>Only values are carried; qualifiers and counts stay in the dataset. One pass over the store.</remarks>
    public IndicatorMatrix CrossSection(Framework framework, ReportingPeriod period, IReadOnlyList<string>? units = null) =>
        CrossSections(framework, [period], units)[0];

    /// <summary>Builds one cross-section per period with the same rows and columns, for panels.</summary>
    /// <param name="framework">The framework giving the column order.</param>
    /// <param name="periods">The periods.</param>
    /// <param name="units">The row units; null means every unit with a framework indicator observed in any of the periods, in ordinal order.</param>
    /// <returns>One matrix per period, in the order of <paramref name="periods"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="framework"/> or <paramref name="periods"/> is null.</exception>
    // Long: one pass over the sorted keys fills every period's matrix (the 3.3 M-row panel); split, it would cost a pass per period.
    public IReadOnlyList<IndicatorMatrix> CrossSections(Framework framework, IReadOnlyList<ReportingPeriod> periods, IReadOnlyList<string>? units = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(periods);

        // Map store ranks → matrix positions once, so the single pass over the rows is array lookups only.
        int columns = framework.Indicators.Count;
        int[] columnOf = new int[_indicators.Length];
        columnOf.AsSpan().Fill(-1);
        for (int j = 0; j < columns; j++)
        {
            if (_indicatorIndex.TryGetValue(framework.Indicators[j].Code, out int i))
            {
                columnOf[i] = j;
            }
        }

        int[] slotOf = new int[_periods.Length];
        slotOf.AsSpan().Fill(-1);
        for (int k = 0; k < periods.Count; k++)
        {
            if (_periodIndex.TryGetValue(periods[k], out int p) && slotOf[p] < 0)
            {
                slotOf[p] = k;
            }
        }

        int[] rowOf = new int[_units.Length];
        rowOf.AsSpan().Fill(-1);
        string[] rowUnits;
        if (units is not null)
        {
            rowUnits = [.. units];
            for (int row = 0; row < rowUnits.Length; row++)
            {
                if (_unitIndex.TryGetValue(rowUnits[row], out int u) && rowOf[u] < 0)
                {
                    rowOf[u] = row;
                }
            }
        }
        else
        {
            bool[] present = new bool[_units.Length];
            for (int r = 0; r < _count; r++)
            {
                long key = _keys[r];
                if (slotOf[key & DatasetBuilder.Mask] >= 0 && columnOf[(key >> DatasetBuilder.Bits) & DatasetBuilder.Mask] >= 0)
                {
                    present[key >> (2 * DatasetBuilder.Bits)] = true;
                }
            }

            var list = new List<string>();
            for (int u = 0; u < present.Length; u++)
            {
                if (present[u])
                {
                    rowOf[u] = list.Count;
                    list.Add(_units[u]);
                }
            }

            rowUnits = [.. list];
        }

        int rows = rowUnits.Length;
        var buffers = new double[periods.Count][];
        for (int k = 0; k < buffers.Length; k++)
        {
            buffers[k] = new double[rows * columns];
            buffers[k].AsSpan().Fill(double.NaN);
        }

        for (int r = 0; r < _count; r++)
        {
            long key = _keys[r];
            int slot = slotOf[key & DatasetBuilder.Mask];
            int column = columnOf[(key >> DatasetBuilder.Bits) & DatasetBuilder.Mask];
            int row = rowOf[key >> (2 * DatasetBuilder.Bits)];
            if (slot >= 0 && column >= 0 && row >= 0)
            {
                buffers[slot][(column * rows) + row] = _values[r];
            }
        }

        // Duplicate periods in the request share the first slot's data.
        var result = new IndicatorMatrix[periods.Count];
        string[] codes = [.. framework.Indicators.Select(d => d.Code)];
        for (int k = 0; k < periods.Count; k++)
        {
            int source = _periodIndex.TryGetValue(periods[k], out int p) ? slotOf[p] : k;
            result[k] = new IndicatorMatrix(rowUnits, codes, buffers[source]);
        }

        return result;
    }

    /// <summary>Returns a dataset holding this one's observations and more.</summary>
    /// <param name="observations">The observations to add.</param>
    /// <returns>The combined dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is null.</exception>
    /// <exception cref="ArgumentException">An added observation breaks a rule or conflicts with an existing one.</exception>
    public Dataset WithObservations(IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return new Dataset(Observations.Concat(observations));
    }

    /// <inheritdoc/>
    public bool Equals(Dataset? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Count != other.Count || !_units.AsSpan().SequenceEqual(other._units) || !_indicators.AsSpan().SequenceEqual(other._indicators) ||
            !_periods.AsSpan().SequenceEqual(other._periods) || !_keys.AsSpan(0, _count).SequenceEqual(other._keys.AsSpan(0, other._count)) || !_flags.AsSpan(0, _count).SequenceEqual(other._flags.AsSpan(0, other._count)))
        {
            return false;
        }

        for (int r = 0; r < _count; r++)
        {
            if (!SameBits(_values[r], other._values[r]) ||
                !SameBits(Numerator(r), other.Numerator(r)) ||
                !SameBits(Denominator(r), other.Denominator(r)) ||
                !Equals(ProvenanceAt(r), other.ProvenanceAt(r)))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Dataset);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(Count);
        for (int r = 0; r < Math.Min(_count, 64); r++)
        {
            hash.Add(_keys[r]);
            hash.Add(BitConverter.DoubleToInt64Bits(_values[r]));
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two datasets bit for bit.</summary>
    /// <param name="left">The first dataset.</param>
    /// <param name="right">The second dataset.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Dataset? left, Dataset? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two datasets bit for bit.</summary>
    /// <param name="left">The first dataset.</param>
    /// <param name="right">The second dataset.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Dataset? left, Dataset? right) => !(left == right);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Dataset: {Count} observations, {_units.Length} units, {_indicators.Length} indicators, {_periods.Length} periods");

    internal static Observation Materialize(string unit, string indicator, ReportingPeriod period, double value, byte flags, double numerator, double denominator, Provenance? provenance) =>
        new(unit, indicator, period, value)
        {
            Qualifier = Flags.Qualifier(flags),
            Status = Flags.Status(flags),
            Restated = Flags.Restated(flags),
            Numerator = double.IsNaN(numerator) ? null : numerator,
            Denominator = double.IsNaN(denominator) ? null : denominator,
            Provenance = provenance,
        };

    internal static Problem Conflict(int[] group, DatasetBuilder builder, Func<int, string> location)
    {
        Observation first = builder.RowAt(builder.RowOfOrigin(group[0]));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Describe(first.Unit, first.Indicator, first.Period)} has {group.Length} different observations: ");
        sb.AppendJoin("; ", group.Select(g => $"{location(g)} {Show(builder.RowAt(builder.RowOfOrigin(g)))}"));
        sb.Append(". Keep one, or correct the key.");
        return new Problem(location(group[^1]), ProblemRules.DuplicateKey, sb.ToString()) { Unit = first.Unit, Code = first.Indicator };
    }

    internal static string Describe(string unit, string indicator, ReportingPeriod period) => $"Unit '{unit}', indicator '{indicator}', period {period}";

    internal static string Show(Observation o)
    {
        var sb = new StringBuilder();
        sb.Append("value ").Append(RateCheck.Text(o.Value));
        if (o.Qualifier != Qualifier.Exact)
        {
            sb.Append(' ').Append(o.Qualifier);
        }

        if (o.Numerator is { } n && o.Denominator is { } d)
        {
            sb.Append(" (").Append(RateCheck.Text(n)).Append('/').Append(RateCheck.Text(d)).Append(')');
        }

        if (o.Status != ObservationStatus.Official)
        {
            sb.Append(' ').Append(o.Status);
        }

        sb.Append(", source ").Append(o.Provenance is { } p ? $"'{p.Source}'" : "(none)");
        if (o.Provenance?.Published is { } date)
        {
            sb.Append(CultureInfo.InvariantCulture, $" published {date:uuuu-MM-dd}");
        }

        return sb.ToString();
    }

    private static Dataset Check(IEnumerable<Observation> observations)
    {
        if (TryCreate(observations, out Dataset? dataset, out IReadOnlyList<Problem> problems))
        {
            return dataset;
        }

        throw new ArgumentException(
            $"Observations are invalid: {problems.Count} problem(s).{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems),
            nameof(observations));
    }

    private int Find(string unit, string indicator, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(indicator);
        if (!_unitIndex.TryGetValue(unit, out int u) || !_indicatorIndex.TryGetValue(indicator, out int i) || !_periodIndex.TryGetValue(period, out int p))
        {
            return -1;
        }

        int r = Array.BinarySearch(_keys, 0, _count, DatasetBuilder.Pack(u, i, p));
        return r >= 0 ? r : -1;
    }

    private int LowerBound(long key)
    {
        int r = Array.BinarySearch(_keys, 0, _count, key);
        return r >= 0 ? r : ~r;
    }

    private Observation Row(int r)
    {
        long key = _keys[r];
        return Materialize(
            _units[key >> (2 * DatasetBuilder.Bits)],
            _indicators[(key >> DatasetBuilder.Bits) & DatasetBuilder.Mask],
            _periods[key & DatasetBuilder.Mask],
            _values[r],
            _flags[r],
            Numerator(r),
            Denominator(r),
            ProvenanceAt(r));
    }

    private double Numerator(int r) => _numerators?[r] ?? double.NaN;

    private double Denominator(int r) => _denominators?[r] ?? double.NaN;

    private Provenance? ProvenanceAt(int r) => _provenance is { } p && p[r] >= 0 ? _provenances[p[r]] : null;

    private static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static FrozenDictionary<string, int> Index(string[] codes)
    {
        var d = new Dictionary<string, int>(codes.Length, StringComparer.Ordinal);
        for (int i = 0; i < codes.Length; i++)
        {
            d[codes[i]] = i;
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
