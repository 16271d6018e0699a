namespace DxIndicators.Data;

/// <summary>
/// Accumulates rows (interning unit, indicator and period to ints as they arrive) and freezes them into a
/// <see cref="Dataset"/>: sorts by a packed 63-bit key (unit rank, indicator rank, period rank; 21 bits each),
/// collapses identical duplicates and reports conflicting ones.
/// </summary>
/// <remarks>
/// A row is 17 bytes: its interned ids packed like a key (8), its value (8) and its flags (1); numerators,
/// denominators and provenance get columns only when a row has them, and the origin (line or index) only when
/// origins stop counting up by one from the first. For a file in key order with nothing dropped (what the writers
/// produce) <see cref="Build"/> turns the id column into the key column in place and hands every column to the
/// dataset without a copy, so loading allocates little more than the dataset it returns.
/// </remarks>
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

    private long[] _ids = new long[16];
    private double[] _value = new double[16];
    private byte[] _flags = new byte[16];
    private double[]? _numerator;
    private double[]? _denominator;
    private int[]? _provenance;
    private int[]? _origin;
    private int _firstOrigin;
    private string? _lastUnit;
    private int _lastUnitId;
    private string? _lastIndicator;
    private int _lastIndicatorId;
    private Provenance? _lastProvenance;
    private int _lastProvenanceId;
    private int _lastPeriodId = -1;
    private bool _built;

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
        if (_built)
        {
            throw new InvalidOperationException("The builder has handed its columns to a dataset.");
        }

        if (Count == _value.Length)
        {
            Resize(Count * 2);
        }

        int r = Count;

        // Long-format files repeat the previous row's unit, indicator and source in runs: compare references first.
        int u = ReferenceEquals(unit, _lastUnit) ? _lastUnitId : _lastUnitId = Intern(_unitIds, _units, _lastUnit = unit);
        int i = ReferenceEquals(indicator, _lastIndicator) ? _lastIndicatorId : _lastIndicatorId = Intern(_indicatorIds, _indicators, _lastIndicator = indicator);
        _ids[r] = Pack(u, i, InternPeriod(period));
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

        RecordOrigin(r, origin);
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

        // Files written in key order (as the writers do) need no sort; with no repeated key and nothing dropped every
        // row is kept as it is: the id column becomes the key column in place and every column is handed over.
        int order = Order(unitRank, indicatorRank, periodRank);
        if (order == 2 && (dropped is null || dropped.Count == 0))
        {
            return FreezeInPlace(unitRank, indicatorRank, periodRank);
        }

        var keys = new long[n];
        for (int r = 0; r < n; r++)
        {
            keys[r] = KeyOf(_ids[r], unitRank, indicatorRank, periodRank);
        }

        int[] rows = [.. Enumerable.Range(0, n)];
        if (order == 0)
        {
            // Array.Sort is unstable, so within a key group the input order is restored by row index below.
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
                if (dropped is null || !dropped.Contains(OriginOf(rows[start])))
                {
                    keep.Add(rows[start]);
                }
            }
            else
            {
                int[] group = [.. rows.AsSpan(start, end - start).ToArray().Where(r => dropped is null || !dropped.Contains(OriginOf(r))).Order()];
                if (group.Length > 0)
                {
                    bool identical = group.All(r => Same(group[0], r));
                    if (identical)
                    {
                        keep.Add(group[0]);
                    }
                    else
                    {
                        conflicts.Add([.. group.Select(OriginOf)]);
                        if (!dropConflicts)
                        {
                            keep.Add(group[0]);
                        }
                    }
                }
            }

            start = end;
        }

        return Freeze(keep, unitRank, indicatorRank, periodRank);
    }

    /// <summary>Gets a row's content as an observation (by row index in input order).</summary>
    public Observation RowAt(int row) => Dataset.Materialize(
        _units[UnitId(_ids[row])], _indicators[IndicatorId(_ids[row])], _periods[PeriodId(_ids[row])], _value[row], _flags[row],
        _numerator?[row] ?? double.NaN, _denominator?[row] ?? double.NaN, _provenance is { } p && p[row] >= 0 ? _provenances[p[row]] : null);

    /// <summary>Finds the input row index of an origin (linear; only used for error messages).</summary>
    public int RowOfOrigin(int origin)
    {
        if (_origin is not null)
        {
            return Array.IndexOf(_origin, origin, 0, Count);
        }

        long r = (long)origin - _firstOrigin;
        return r >= 0 && r < Count ? (int)r : -1;
    }

    internal static long Pack(int unit, int indicator, int period) => ((long)unit << (2 * Bits)) | ((long)indicator << Bits) | (long)period;

    private static int UnitId(long packed) => (int)(packed >> (2 * Bits));

    private static int IndicatorId(long packed) => (int)((packed >> Bits) & Mask);

    private static int PeriodId(long packed) => (int)(packed & Mask);

    private static long KeyOf(long ids, int[] unitRank, int[] indicatorRank, int[] periodRank) =>
        Pack(unitRank[UnitId(ids)], indicatorRank[IndicatorId(ids)], periodRank[PeriodId(ids)]);

    private int OriginOf(int row) => _origin?[row] ?? (_firstOrigin + row);

    /// <summary>Origins are kept implicitly while they count up by one from the first row's; the column is made
    /// only when one does not (a skipped line, rows from several sources).</summary>
    private void RecordOrigin(int row, int origin)
    {
        if (_origin is null)
        {
            if (row == 0)
            {
                _firstOrigin = origin;
                return;
            }

            if ((long)origin == (long)_firstOrigin + row)
            {
                return;
            }

            _origin = new int[_value.Length];
            for (int k = 0; k < row; k++)
            {
                _origin[k] = _firstOrigin + k;
            }
        }

        _origin[row] = origin;
    }

    /// <summary>Every row kept, in input order, keys strictly increasing: the id column is rewritten as the key
    /// column where it lies and the columns go to the dataset as they are (their spare tail unread). When every row
    /// is kept every code is used (codes are interned from rows), so the code tables are the sorted ones.</summary>
    private Dataset FreezeInPlace(int[] unitRank, int[] indicatorRank, int[] periodRank)
    {
        int n = Count;
        if (!IsIdentity(unitRank) || !IsIdentity(indicatorRank) || !IsIdentity(periodRank))
        {
            for (int r = 0; r < n; r++)
            {
                _ids[r] = KeyOf(_ids[r], unitRank, indicatorRank, periodRank);
            }
        }

        // A column more than an eighth longer than its rows (a poor size estimate) is trimmed rather than kept.
        bool trim = _value.Length - n > n / 8;
        _built = true;
        return new Dataset(
            Sorted(_units, unitRank), Sorted(_indicators, indicatorRank), Sorted(_periods, periodRank), [.. _provenances],
            Fit(_ids, n, trim), Fit(_value, n, trim), Fit(_flags, n, trim),
            _numerator is null ? null : Fit(_numerator, n, trim), _denominator is null ? null : Fit(_denominator, n, trim),
            _provenance is null ? null : Fit(_provenance, n, trim), n);
    }

    /// <summary>Freezes the kept rows, in the order given.</summary>
    private Dataset Freeze(List<int> keep, int[] unitRank, int[] indicatorRank, int[] periodRank)
    {
        // Compact the code tables to what is still used, preserving order (so keys stay sorted).
        bool[] usedUnit = new bool[_units.Count];
        bool[] usedIndicator = new bool[_indicators.Count];
        bool[] usedPeriod = new bool[_periods.Count];
        foreach (int r in keep)
        {
            usedUnit[unitRank[UnitId(_ids[r])]] = true;
            usedIndicator[indicatorRank[IndicatorId(_ids[r])]] = true;
            usedPeriod[periodRank[PeriodId(_ids[r])]] = true;
        }

        (string[] units, int[] unitMap) = Compact(_units, unitRank, usedUnit);
        (string[] indicators, int[] indicatorMap) = Compact(_indicators, indicatorRank, usedIndicator);
        (ReportingPeriod[] periods, int[] periodMap) = Compact(_periods, periodRank, usedPeriod);

        int m = keep.Count;
        var keys = new long[m];
        var values = new double[m];
        var flags = new byte[m];
        double[]? numerators = _numerator is null ? null : new double[m];
        double[]? denominators = _denominator is null ? null : new double[m];
        int[]? provenance = _provenance is null ? null : new int[m];
        for (int i = 0; i < m; i++)
        {
            int r = keep[i];
            long ids = _ids[r];
            keys[i] = Pack(unitMap[unitRank[UnitId(ids)]], indicatorMap[indicatorRank[IndicatorId(ids)]], periodMap[periodRank[PeriodId(ids)]]);
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

        return new Dataset(units, indicators, periods, [.. _provenances], keys, values, flags, numerators, denominators, provenance, m);
    }

    private static T[] Fit<T>(T[] column, int count, bool trim)
    {
        if (trim && column.Length != count)
        {
            Array.Resize(ref column, count);
        }

        return column;
    }

    private static bool IsIdentity(int[] rank)
    {
        for (int k = 0; k < rank.Length; k++)
        {
            if (rank[k] != k)
            {
                return false;
            }
        }

        return true;
    }

    private static T[] Sorted<T>(List<T> items, int[] rank)
    {
        var sorted = new T[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            sorted[rank[i]] = items[i];
        }

        return sorted;
    }

    private static (T[] Table, int[] Map) Compact<T>(List<T> items, int[] rank, bool[] used)
    {
        T[] sorted = Sorted(items, rank);
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

    /// <summary>0 when the rows' keys are out of order, 1 when non-decreasing with a repeat, 2 when strictly increasing.</summary>
    private int Order(int[] unitRank, int[] indicatorRank, int[] periodRank)
    {
        int order = 2;
        long previous = -1;
        for (int r = 0; r < Count; r++)
        {
            long key = KeyOf(_ids[r], unitRank, indicatorRank, periodRank);
            if (key < previous)
            {
                return 0;
            }

            if (key == previous)
            {
                order = 1;
            }

            previous = key;
        }

        return order;
    }

    /// <summary>Long-format files cycle through the periods in order: the next period after the last one, or the first,
    /// is tried before the lookup.</summary>
    private int InternPeriod(ReportingPeriod period)
    {
        int next = _lastPeriodId + 1;
        if (next < _periods.Count && _periods[next].Equals(period))
        {
            return _lastPeriodId = next;
        }

        if (_periods.Count > 0 && _periods[0].Equals(period))
        {
            return _lastPeriodId = 0;
        }

        return _lastPeriodId = Intern(_periodIds, _periods, period);
    }

    private static int Intern<T>(Dictionary<T, int> ids, List<T> table, T item)
        where T : notnull
    {
        if (!ids.TryGetValue(item, out int id))
        {
            id = table.Count;
            if (id >= Mask)
            {
                throw new InvalidOperationException($"A dataset holds at most {Mask} distinct units, indicators and periods each.");
            }

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
        Array.Resize(ref _ids, size);
        Array.Resize(ref _value, size);
        Array.Resize(ref _flags, size);
        if (_origin is not null)
        {
            Array.Resize(ref _origin, size);
        }

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
