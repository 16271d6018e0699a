namespace DxIndicators.Data;

/// <summary>
/// Accumulates rows (interning unit, indicator and period to ints as they arrive) and freezes them into a
/// <see cref="Dataset"/>: sorts by a packed 63-bit key (unit rank, indicator rank, period rank; 21 bits each),
/// collapses identical duplicates and reports conflicting ones.
/// </summary>
internal sealed class DatasetBuilder
{
    internal const int Bits = 21;
    internal const long Mask = (1L << Bits) - 1;

    private readonly Dictionary<string, int> _unitIds = new(StringComparer.Ordinal);
    private readonly List<string> _units = [];
    private readonly Dictionary<string, int> _indicatorIds = new(StringComparer.Ordinal);
    private readonly List<string> _indicators = [];
    private readonly Dictionary<ReportingPeriod, int> _periodIds = [];
    private readonly List<ReportingPeriod> _periods = [];
    private readonly Dictionary<Provenance, int> _provenanceIds = [];
    private readonly List<Provenance> _provenances = [];

    private int[] _unit = new int[16];
    private int[] _indicator = new int[16];
    private int[] _period = new int[16];
    private double[] _value = new double[16];
    private byte[] _flags = new byte[16];
    private double[]? _numerator;
    private double[]? _denominator;
    private int[]? _provenance;
    private int[] _origin = new int[16];
    private string? _lastUnit;
    private int _lastUnitId;
    private string? _lastIndicator;
    private int _lastIndicatorId;
    private Provenance? _lastProvenance;
    private int _lastProvenanceId;

    public DatasetBuilder(int capacity = 16)
    {
        Resize(Math.Max(16, capacity));
    }

    public int Count { get; private set; }

    public int UnitCount => _units.Count;

    public int PeriodCount => _periods.Count;

    public void Add(Observation o, int origin) => Add(
        o.Unit, o.Indicator, o.Period, o.Value, o.Qualifier, o.Numerator, o.Denominator, o.Provenance, o.Status, o.Restated, origin);

    public void Add(
        string unit,
        string indicator,
        ReportingPeriod period,
        double value,
        Qualifier qualifier,
        double? numerator,
        double? denominator,
        Provenance? provenance,
        ObservationStatus status,
        bool restated,
        int origin)
    {
        if (Count == _value.Length)
        {
            Resize(Count * 2);
        }

        int r = Count;

        // Long-format files repeat the previous row's unit, indicator and source in runs: compare references first.
        _unit[r] = ReferenceEquals(unit, _lastUnit) ? _lastUnitId : _lastUnitId = Intern(_unitIds, _units, _lastUnit = unit);
        _indicator[r] = ReferenceEquals(indicator, _lastIndicator) ? _lastIndicatorId : _lastIndicatorId = Intern(_indicatorIds, _indicators, _lastIndicator = indicator);
        _period[r] = Intern(_periodIds, _periods, period);
        _value[r] = value;
        _flags[r] = Flags.Pack(qualifier, status, restated);
        if (numerator.HasValue || denominator.HasValue)
        {
            _numerator ??= NaNs(_value.Length);
            _denominator ??= NaNs(_value.Length);
            _numerator[r] = numerator ?? double.NaN;
            _denominator[r] = denominator ?? double.NaN;
        }

        if (provenance is not null)
        {
            _provenance ??= MinusOnes(_value.Length);
            _provenance[r] = ReferenceEquals(provenance, _lastProvenance) ? _lastProvenanceId : _lastProvenanceId = Intern(_provenanceIds, _provenances, _lastProvenance = provenance);
        }

        _origin[r] = origin;
        Count++;
    }

    /// <summary>Freezes the rows into a dataset.</summary>
    /// <param name="conflicts">Receives each group of rows (by origin, in input order) sharing a key with different content.</param>
    /// <param name="dropConflicts">When true, every row of a conflicting group is left out; otherwise the first is kept.</param>
    /// <param name="dropped">Rows (by origin) to leave out, for callers that skip bad rows.</param>
    // Long: one sort-and-sweep over the packed keys; the group rules (identical repeats, conflicts, dropped rows) read best together.
    public Dataset Build(List<int[]> conflicts, bool dropConflicts, HashSet<int>? dropped = null)
    {
        int n = Count;
        int[] unitRank = Ranks(_units, StringComparer.Ordinal);
        int[] indicatorRank = Ranks(_indicators, StringComparer.Ordinal);
        int[] periodRank = Ranks(_periods, Comparer<ReportingPeriod>.Default);
        if (_units.Count > Mask || _indicators.Count > Mask || _periods.Count > Mask)
        {
            throw new InvalidOperationException($"A dataset holds at most {Mask} distinct units, indicators and periods each.");
        }

        var keys = new long[n];
        for (int r = 0; r < n; r++)
        {
            keys[r] = Pack(unitRank[_unit[r]], indicatorRank[_indicator[r]], periodRank[_period[r]]);
        }

        // Files written in key order (as the writers do) need no sort; with no repeated key and nothing dropped every
        // row is kept as it is, and the keys computed here are the dataset's.
        int order = Order(keys);
        if (order == 2 && (dropped is null || dropped.Count == 0))
        {
            return Freeze(null, keys, unitRank, indicatorRank, periodRank);
        }

        // Array.Sort is unstable, so within a key group the input order is restored by row index below.
        int[] rows = [.. Enumerable.Range(0, n)];
        if (order == 0)
        {
            Array.Sort(keys, rows);
        }

        var keep = new List<int>(n);
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start == 1)
            {
                if (dropped is null || !dropped.Contains(_origin[rows[start]]))
                {
                    keep.Add(rows[start]);
                }
            }
            else
            {
                int[] group = [.. rows.AsSpan(start, end - start).ToArray().Where(r => dropped is null || !dropped.Contains(_origin[r])).Order()];
                if (group.Length > 0)
                {
                    bool identical = group.All(r => Same(group[0], r));
                    if (identical)
                    {
                        keep.Add(group[0]);
                    }
                    else
                    {
                        conflicts.Add([.. group.Select(r => _origin[r])]);
                        if (!dropConflicts)
                        {
                            keep.Add(group[0]);
                        }
                    }
                }
            }

            start = end;
        }

        return Freeze(keep, null, unitRank, indicatorRank, periodRank);
    }

    /// <summary>Gets a row's content as an observation (by row index in input order).</summary>
    public Observation RowAt(int row) => Dataset.Materialize(
        _units[_unit[row]], _indicators[_indicator[row]], _periods[_period[row]], _value[row], _flags[row],
        _numerator?[row] ?? double.NaN, _denominator?[row] ?? double.NaN, _provenance is { } p && p[row] >= 0 ? _provenances[p[row]] : null);

    /// <summary>Finds the input row index of an origin (linear; only used for error messages).</summary>
    public int RowOfOrigin(int origin) => Array.IndexOf(_origin, origin, 0, Count);

    internal static long Pack(int unit, int indicator, int period) => ((long)unit << (2 * Bits)) | ((long)indicator << Bits) | (long)period;

    /// <summary>Freezes the kept rows (null: every row, in input order, whose <paramref name="allKeys"/> are final).</summary>
    private Dataset Freeze(List<int>? keep, long[]? allKeys, int[] unitRank, int[] indicatorRank, int[] periodRank)
    {
        // Compact the code tables to what is still used, preserving order (so keys stay sorted). When every row is
        // kept every code is used (codes are interned from rows), so the maps are the identity.
        bool[] usedUnit = new bool[_units.Count];
        bool[] usedIndicator = new bool[_indicators.Count];
        bool[] usedPeriod = new bool[_periods.Count];
        if (keep is null)
        {
            Array.Fill(usedUnit, true);
            Array.Fill(usedIndicator, true);
            Array.Fill(usedPeriod, true);
        }

        foreach (int r in keep ?? [])
        {
            usedUnit[unitRank[_unit[r]]] = true;
            usedIndicator[indicatorRank[_indicator[r]]] = true;
            usedPeriod[periodRank[_period[r]]] = true;
        }

        (string[] units, int[] unitMap) = Compact(_units, unitRank, usedUnit);
        (string[] indicators, int[] indicatorMap) = Compact(_indicators, indicatorRank, usedIndicator);
        (ReportingPeriod[] periods, int[] periodMap) = Compact(_periods, periodRank, usedPeriod);

        int m = keep?.Count ?? Count;
        long[] keys = allKeys ?? new long[m];
        var values = new double[m];
        var flags = new byte[m];
        double[]? numerators = _numerator is null ? null : new double[m];
        double[]? denominators = _denominator is null ? null : new double[m];
        int[]? provenance = _provenance is null ? null : new int[m];
        for (int i = 0; i < m; i++)
        {
            int r = keep is null ? i : keep[i];
            if (allKeys is null)
            {
                keys[i] = Pack(unitMap[unitRank[_unit[r]]], indicatorMap[indicatorRank[_indicator[r]]], periodMap[periodRank[_period[r]]]);
            }

            values[i] = _value[r];
            flags[i] = _flags[r];
            if (numerators is not null)
            {
                numerators[i] = _numerator![r];
                denominators![i] = _denominator![r];
            }

            if (provenance is not null)
            {
                provenance[i] = _provenance![r];
            }
        }

        return new Dataset(units, indicators, periods, [.. _provenances], keys, values, flags, numerators, denominators, provenance);
    }

    private static (T[] Table, int[] Map) Compact<T>(List<T> items, int[] rank, bool[] used)
    {
        var sorted = new T[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            sorted[rank[i]] = items[i];
        }

        var map = new int[items.Count];
        var table = new List<T>(items.Count);
        for (int k = 0; k < sorted.Length; k++)
        {
            map[k] = used[k] ? table.Count : -1;
            if (used[k])
            {
                table.Add(sorted[k]);
            }
        }

        return ([.. table], map);
    }

    private bool Same(int a, int b) =>
        BitConverter.DoubleToInt64Bits(_value[a]) == BitConverter.DoubleToInt64Bits(_value[b]) &&
        _flags[a] == _flags[b] &&
        (_numerator is null || (BitConverter.DoubleToInt64Bits(_numerator[a]) == BitConverter.DoubleToInt64Bits(_numerator[b]) &&
                                BitConverter.DoubleToInt64Bits(_denominator![a]) == BitConverter.DoubleToInt64Bits(_denominator[b]))) &&
        (_provenance is null || _provenance[a] == _provenance[b]);

    private static int[] Ranks<T>(List<T> items, IComparer<T> comparer)
    {
        int[] order = [.. Enumerable.Range(0, items.Count)];
        T[] copy = [.. items];
        Array.Sort(copy, order, comparer);
        var rank = new int[items.Count];
        for (int k = 0; k < order.Length; k++)
        {
            rank[order[k]] = k;
        }

        return rank;
    }

    /// <summary>0 when the keys are out of order, 1 when non-decreasing with a repeat, 2 when strictly increasing.</summary>
    private static int Order(long[] keys)
    {
        int order = 2;
        for (int i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                return 0;
            }

            if (keys[i] == keys[i - 1])
            {
                order = 1;
            }
        }

        return order;
    }

    private static int Intern<T>(Dictionary<T, int> ids, List<T> table, T item)
        where T : notnull
    {
        if (!ids.TryGetValue(item, out int id))
        {
            id = table.Count;
            ids.Add(item, id);
            table.Add(item);
        }

        return id;
    }

    /// <summary>Grows the columns to at least <paramref name="capacity"/> rows.</summary>
    /// <param name="capacity">The rows to make room for.</param>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _value.Length)
        {
            Resize(capacity);
        }
    }

    private void Resize(int size)
    {
        Array.Resize(ref _unit, size);
        Array.Resize(ref _indicator, size);
        Array.Resize(ref _period, size);
        Array.Resize(ref _value, size);
        Array.Resize(ref _flags, size);
        Array.Resize(ref _origin, size);
        if (_numerator is not null)
        {
            int old = _numerator.Length;
            Array.Resize(ref _numerator, size);
            Array.Resize(ref _denominator, size);
            _numerator.AsSpan(old).Fill(double.NaN);
            _denominator.AsSpan(old).Fill(double.NaN);
        }

        if (_provenance is not null)
        {
            int old = _provenance.Length;
            Array.Resize(ref _provenance, size);
            _provenance.AsSpan(old).Fill(-1);
        }
    }

    private static double[] NaNs(int size)
    {
        var a = new double[size];
        a.AsSpan().Fill(double.NaN);
        return a;
    }

    private static int[] MinusOnes(int size)
    {
        var a = new int[size];
        a.AsSpan().Fill(-1);
        return a;
    }
}

/// <summary>Packs qualifier, status and the restated flag into one byte per row.</summary>
internal static class Flags
{
    public static byte Pack(Qualifier qualifier, ObservationStatus status, bool restated) =>
        (byte)((int)qualifier | ((int)status << 2) | (restated ? 1 << 3 : 0));

    public static Qualifier Qualifier(byte flags) => (Qualifier)(flags & 3);

    public static ObservationStatus Status(byte flags) => (ObservationStatus)((flags >> 2) & 1);

    public static bool Restated(byte flags) => (flags & 8) != 0;
}
