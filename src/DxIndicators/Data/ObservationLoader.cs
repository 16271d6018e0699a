using System.Globalization;
using DxIndicators.Formats;
using DxIndicators.Model;
using DxIndicators.Units;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Data;

/// <summary>The text fields of one input row (spans into the reader's buffer, valid for one
/// <see cref="ObservationLoader.AddRow"/> call); a field whose bit in <see cref="Present"/> is clear is absent (its
/// column or property is missing), which a required field reports as missing rather than empty.</summary>
internal ref struct RawObservation
{
    public const int All = (1 << 11) - 1;

    public ReadOnlySpan<char> Unit;
    public ReadOnlySpan<char> Indicator;
    public ReadOnlySpan<char> Period;
    public ReadOnlySpan<char> Value;
    public ReadOnlySpan<char> Qualifier;
    public ReadOnlySpan<char> Numerator;
    public ReadOnlySpan<char> Denominator;
    public ReadOnlySpan<char> Source;
    public ReadOnlySpan<char> Published;
    public ReadOnlySpan<char> Status;
    public ReadOnlySpan<char> Restated;

    /// <summary>Bit i is set when field i (in <see cref="ObservationCsv.Columns"/> order, restated last) is present.</summary>
    public int Present;

    public readonly bool Has(int field) => (Present & (1 << field)) != 0;
}

/// <summary>Validates rows of any text format with the same rules and collects them into a dataset.</summary>
internal sealed class ObservationLoader
{
    private readonly string _fileName;
    private readonly ReadOptions _options;
    private readonly Func<int, string?, string> _locate;
    private readonly bool _originIsLine;
    private readonly List<(int Origin, int Seq, Problem Problem)> _problems = [];
    private readonly SortedSet<int> _skipped = [];
    private readonly DatasetBuilder _builder = new(1024);
    private readonly SpanCache<ReportingPeriod> _periodCache = new();
    private readonly SpanCache<LocalDate> _dateCache = new();
    private readonly StringPool _strings = new();
    private readonly Dictionary<(string, LocalDate?), Provenance> _provenanceCache = [];
    private bool _fatal;
    private string? _lastUnit;
    private string? _lastIndicator;
    private string? _lastSource;
    private string? _lastPeriodText;
    private ReportingPeriod _lastPeriod;
    private Provenance? _lastProvenance;

    public ObservationLoader(string fileName, ReadOptions options, Func<int, string?, string> locate, bool originIsLine)
    {
        _fileName = fileName;
        _options = options;
        _locate = locate;
        _originIsLine = originIsLine;
    }

    public int RowCount { get; private set; }

    public bool HasFatal => _fatal;

    /// <summary>Records a problem that prevents loading anything (bad header, malformed file).</summary>
    public void Fatal(int origin, string? column, string rule, string message)
    {
        _fatal = true;
        Add(origin, column, rule, message, null, null);
    }

    /// <summary>Records a problem with one row, which is then not loaded.</summary>
    public void RowProblem(int origin, string? column, string rule, string message, string? unit = null, string? indicator = null)
    {
        _skipped.Add(origin);
        Add(origin, column, rule, message, unit, indicator);
    }

    /// <summary>Checks one row and, when it has no problem, adds it to the dataset.</summary>
    /// <param name="origin">The row's line (CSV) or index (JSON).</param>
    /// <param name="raw">The row's fields.</param>
    public void AddRow(int origin, scoped in RawObservation raw)
    {
        RowCount++;
        InputLimits limits = _options.Limits ?? InputLimits.Default;
        if (RowCount > limits.MaxRows)
        {
            throw InputLimits.Exceeded(nameof(InputLimits.MaxRows), limits.MaxRows, $"'{_fileName}' at {_locate(origin, null)} (data rows)");
        }

        int before = _problems.Count;
        string? unit = Required(origin, 0, "unit", raw, raw.Unit, null, null) ? Pooled(ref _lastUnit, raw.Unit) : null;
        string? indicator = Required(origin, 1, "indicator", raw, raw.Indicator, unit, null) ? Pooled(ref _lastIndicator, raw.Indicator) : null;
        bool hasPeriod = ParsePeriod(origin, raw, unit, indicator, out ReportingPeriod period);
        double value = double.NaN;
        bool hasValue = Required(origin, 3, "value", raw, raw.Value, unit, indicator) && Number(origin, "value", raw.Value, unit, indicator, out value);
        double? numerator = Optional(origin, "numerator", raw.Numerator, unit, indicator);
        double? denominator = Optional(origin, "denominator", raw.Denominator, unit, indicator);
        (Qualifier qualifier, ObservationStatus status, bool restated) = ParseFlags(origin, raw, unit, indicator);
        LocalDate? published = ParsePublished(origin, raw.Published, unit, indicator);
        bool countsParsed = (numerator.HasValue || raw.Numerator.IsEmpty) && (denominator.HasValue || raw.Denominator.IsEmpty);
        if (countsParsed && (numerator.HasValue || denominator.HasValue || (hasValue && !double.IsFinite(value))))
        {
            foreach ((string rule, string column, string message) in RateCheck.Check(hasValue ? value : 0, numerator, denominator))
            {
                if (hasValue || column != "value")
                {
                    RowProblem(origin, column, rule, message, unit, indicator);
                }
            }
        }

        CheckAgainstFramework(origin, unit, indicator, hasValue, value);
        if (unit is not null && hasPeriod && _options.Registry is { } registry && !registry.TryResolve(unit, period, out _))
        {
            RowProblem(origin, "unit", ProblemRules.UnknownUnit, UnknownUnitMessage(registry, unit, period), unit, indicator);
        }

        if (_problems.Count == before && !_skipped.Contains(origin))
        {
            Provenance? provenance = raw.Source.IsEmpty && !published.HasValue ? null : Provenance(Pooled(ref _lastSource, raw.Source), published);
            _builder.Add(unit!, indicator!, period, value, qualifier, numerator, denominator, provenance, status, restated, origin);
            if (_builder.UnitCount > limits.MaxUnits)
            {
                throw InputLimits.Exceeded(nameof(InputLimits.MaxUnits), limits.MaxUnits, $"'{_fileName}' at {_locate(origin, "unit")} (distinct units)");
            }

            if (_builder.PeriodCount > limits.MaxPeriods)
            {
                throw InputLimits.Exceeded(nameof(InputLimits.MaxPeriods), limits.MaxPeriods, $"'{_fileName}' at {_locate(origin, "period")} (distinct periods)");
            }
        }
    }

    /// <summary>Reserves room for about <paramref name="rows"/> rows (a hint; at most <see cref="InputLimits.MaxRows"/>).</summary>
    /// <param name="rows">The expected row count.</param>
    public void Reserve(long rows) => _builder.EnsureCapacity((int)Math.Min(rows, (_options.Limits ?? InputLimits.Default).MaxRows));

    public ReadResult<Dataset> Finish()
    {
        Dataset? dataset = null;
        if (!_fatal)
        {
            var conflicts = new List<int[]>();
            Dataset built = _builder.Build(conflicts, dropConflicts: _options.SkipBadRows);
            foreach (int[] group in conflicts)
            {
                Problem problem = Dataset.Conflict(group, _builder, g => _locate(g, null));
                _problems.Add((group[^1], _problems.Count, _originIsLine ? problem with { Line = group[^1] } : problem));
                foreach (int g in group)
                {
                    _skipped.Add(g);
                }
            }

            if (_problems.Count == 0 || _options.SkipBadRows)
            {
                dataset = built;
            }
        }

        IEnumerable<Problem> ordered = _problems.OrderBy(p => p.Origin).ThenBy(p => p.Seq).Select(p => p.Problem);
        return new ReadResult<Dataset>(_fileName, dataset, ordered, RowCount, dataset is null ? [] : _skipped);
    }

    private bool ParsePeriod(int origin, scoped in RawObservation raw, string? unit, string? indicator, out ReportingPeriod period)
    {
        period = default;
        if (!Required(origin, 2, "period", raw, raw.Period, unit, indicator))
        {
            return false;
        }

        if (_lastPeriodText is not null && raw.Period.SequenceEqual(_lastPeriodText))
        {
            period = _lastPeriod;
            return true;
        }

        if (_periodCache.TryGetValue(raw.Period, out period, out string? cachedText))
        {
            (_lastPeriodText, _lastPeriod) = (cachedText, period);
            return true;
        }

        string text = raw.Period.ToString();
        if (ReportingPeriod.TryParse(text, out period))
        {
            _periodCache.Dictionary.TryAdd(text, period);
            (_lastPeriodText, _lastPeriod) = (text, period);
            return true;
        }

        RowProblem(origin, "period", ProblemRules.BadPeriod, $"'{text}' is not a period; expected 2024, 2024-H1, 2024-Q3, 2024-07 or 2024-07-15.", unit, indicator);
        return false;
    }

    private (Qualifier Qualifier, ObservationStatus Status, bool Restated) ParseFlags(int origin, scoped in RawObservation raw, string? unit, string? indicator)
    {
        Qualifier qualifier = Qualifier.Exact;
        if (!raw.Qualifier.IsEmpty && !EnumNames.Qualifier.TryParse(raw.Qualifier, out qualifier))
        {
            RowProblem(origin, "qualifier", ProblemRules.BadQualifier, $"Qualifier '{raw.Qualifier}' is not one of {EnumNames.Qualifier.Allowed}.", unit, indicator);
        }

        ObservationStatus status = ObservationStatus.Official;
        if (!raw.Status.IsEmpty && !EnumNames.Status.TryParse(raw.Status, out status))
        {
            RowProblem(origin, "status", ProblemRules.BadStatus, $"Status '{raw.Status}' is not one of {EnumNames.Status.Allowed}.", unit, indicator);
        }

        bool restated = false;
        if (!raw.Restated.IsEmpty && !bool.TryParse(raw.Restated, out restated))
        {
            RowProblem(origin, "restated", ProblemRules.BadBoolean, $"Restated '{raw.Restated}' is not true or false.", unit, indicator);
        }

        return (qualifier, status, restated);
    }

    private LocalDate? ParsePublished(int origin, ReadOnlySpan<char> text, string? unit, string? indicator)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (_dateCache.TryGetValue(text, out LocalDate cached))
        {
            return cached;
        }

        string s = text.ToString();
        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(s);
        if (parsed.Success)
        {
            _dateCache.Dictionary.TryAdd(s, parsed.Value);
            return parsed.Value;
        }

        RowProblem(origin, "published", ProblemRules.BadDate, $"Published date '{s}' is not an ISO date (uuuu-MM-dd).", unit, indicator);
        return null;
    }

    private void CheckAgainstFramework(int origin, string? unit, string? indicator, bool hasValue, double value)
    {
        if (indicator is null || _options.Framework is not { } framework)
        {
            return;
        }

        if (!framework.TryGetIndicator(indicator, out IndicatorDefinition? definition))
        {
            if (!framework.TryGetNode(indicator, out _))
            {
                RowProblem(origin, "indicator", ProblemRules.UnknownIndicator, $"Code '{indicator}' is neither an indicator nor a node of framework '{framework.Id}'.", unit, indicator);
            }
            else if (hasValue && double.IsFinite(value) && !(value >= framework.Metadata.Scale.Min && value <= framework.Metadata.Scale.Max))
            {
                // A node's published score (the overall DTI, a pillar) lies on the framework's output scale.
                RowProblem(origin, "value", ProblemRules.OutOfRange, $"Value {RateCheck.Text(value)} of node '{indicator}' is outside the framework's output scale {framework.Metadata.Scale.Min.ToString(CultureInfo.InvariantCulture)}–{framework.Metadata.Scale.Max.ToString(CultureInfo.InvariantCulture)}.", unit, indicator);
            }
        }
        else if (hasValue && double.IsFinite(value) && !definition.ValidRange.Contains(value))
        {
            RowProblem(origin, "value", ProblemRules.OutOfRange, $"Value {RateCheck.Text(value)} of indicator '{indicator}' is outside its valid range {definition.ValidRange}.", unit, indicator);
        }
    }

    private static string UnknownUnitMessage(UnitRegistry registry, string unit, ReportingPeriod period)
    {
        string valid = string.Join("; ", registry.Units.Where(u => u.Code == unit).Select(u => $"{u.Id} {u.NameVi} {Span(u)}"));
        return string.Create(CultureInfo.InvariantCulture, $"Unit code '{unit}' denotes no unit on {period.End:uuuu-MM-dd} or {period.Start:uuuu-MM-dd} (period {period}).")
            + (valid.Length > 0 ? $" The code is valid for: {valid}." : " The code is not in the registry.");
    }

    private static string Span(AdministrativeUnit u) => string.Create(
        CultureInfo.InvariantCulture,
        $"[{(u.ValidFrom is { } f ? f.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "…")}, {(u.ValidTo is { } t ? t.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "…")}]");

    private string Pooled(ref string? last, ReadOnlySpan<char> text) =>
        last is not null && text.SequenceEqual(last) ? last : last = _strings.Get(text);

    private Provenance Provenance(string source, LocalDate? published)
    {
        if (_lastProvenance is { } last && ReferenceEquals(last.Source, source) && last.Published == published)
        {
            return last;
        }

        if (!_provenanceCache.TryGetValue((source, published), out Provenance? provenance))
        {
            provenance = new Provenance(source, published);
            _provenanceCache[(source, published)] = provenance;
        }

        return _lastProvenance = provenance;
    }

    private bool Required(int origin, int field, string column, scoped in RawObservation raw, ReadOnlySpan<char> text, string? unit, string? indicator)
    {
        if (text.IsWhiteSpace())
        {
            RowProblem(origin, column, ProblemRules.MissingField, $"Field '{column}' is required but {(raw.Has(field) ? "empty" : "missing")}.", unit, indicator);
            return false;
        }

        return true;
    }

    private double? Optional(int origin, string column, ReadOnlySpan<char> text, string? unit, string? indicator) =>
        text.IsEmpty ? null : Number(origin, column, text, unit, indicator, out double v) ? v : null;

    private bool Number(int origin, string column, ReadOnlySpan<char> text, string? unit, string? indicator, out double value)
    {
        if (NumberText.TryParse(text, out value, out string? rule))
        {
            return true;
        }

        string hint = rule == ProblemRules.NotFinite ? "; leave the row out for a missing value" : string.Empty;
        RowProblem(origin, column, rule!, $"Field '{column}' is '{text}', which is {NumberText.Explain(rule)}{hint}.", unit, indicator);
        return false;
    }

    private void Add(int origin, string? column, string rule, string message, string? unit, string? indicator)
    {
        var problem = new Problem(_locate(origin, column), rule, message)
        {
            Line = _originIsLine ? origin : null,
            Field = column,
            Unit = unit,
            Code = indicator,
        };
        _problems.Add((origin, _problems.Count, problem));
    }
}
