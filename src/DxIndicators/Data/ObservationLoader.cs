using System.Globalization;
using DxIndicators.Model;
using DxIndicators.Units;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Data;

/// <summary>The text fields of one input row; null means the column or property is absent.</summary>
internal struct RawObservation
{
    public string? Unit;
    public string? Indicator;
    public string? Period;
    public string? Value;
    public string? Qualifier;
    public string? Numerator;
    public string? Denominator;
    public string? Source;
    public string? Published;
    public string? Status;
    public string? Restated;
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
    private readonly Dictionary<string, ReportingPeriod> _periodCache = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), Provenance> _provenanceCache = [];
    private bool _fatal;

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

    public void AddRow(int origin, in RawObservation raw)
    {
        RowCount++;
        int maxRows = (_options.Limits ?? InputLimits.Default).MaxRows;
        if (RowCount > maxRows)
        {
            throw InputLimits.Exceeded(nameof(InputLimits.MaxRows), maxRows, $"'{_fileName}' at {_locate(origin, null)} (data rows)");
        }

        int before = _problems.Count;
        string? unit = Required(origin, "unit", raw.Unit, null, null);
        string? indicator = Required(origin, "indicator", raw.Indicator, unit, null);

        ReportingPeriod period = default;
        bool hasPeriod = false;
        if (Required(origin, "period", raw.Period, unit, indicator) is { } periodText)
        {
            if (_periodCache.TryGetValue(periodText, out period) || ReportingPeriod.TryParse(periodText, out period))
            {
                _periodCache.TryAdd(periodText, period);
                hasPeriod = true;
            }
            else
            {
                RowProblem(origin, "period", ProblemRules.BadPeriod, $"'{periodText}' is not a period; expected 2024, 2024-H1, 2024-Q3, 2024-07 or 2024-07-15.", unit, indicator);
            }
        }

        double value = double.NaN;
        bool hasValue = false;
        if (Required(origin, "value", raw.Value, unit, indicator) is { } valueText)
        {
            hasValue = Number(origin, "value", valueText, unit, indicator, out value);
        }

        double? numerator = Optional(origin, "numerator", raw.Numerator, unit, indicator);
        double? denominator = Optional(origin, "denominator", raw.Denominator, unit, indicator);

        Qualifier qualifier = Qualifier.Exact;
        if (!string.IsNullOrEmpty(raw.Qualifier) && !TryQualifier(raw.Qualifier, out qualifier))
        {
            RowProblem(origin, "qualifier", ProblemRules.BadQualifier, $"Qualifier '{raw.Qualifier}' is not one of exact, estimate, lowerBound, upperBound.", unit, indicator);
        }

        ObservationStatus status = ObservationStatus.Official;
        if (!string.IsNullOrEmpty(raw.Status))
        {
            if (raw.Status.Equals("official", StringComparison.OrdinalIgnoreCase))
            {
                status = ObservationStatus.Official;
            }
            else if (raw.Status.Equals("provisional", StringComparison.OrdinalIgnoreCase))
            {
                status = ObservationStatus.Provisional;
            }
            else
            {
                RowProblem(origin, "status", ProblemRules.BadStatus, $"Status '{raw.Status}' is not one of official, provisional.", unit, indicator);
            }
        }

        LocalDate? published = null;
        if (!string.IsNullOrEmpty(raw.Published))
        {
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(raw.Published);
            if (parsed.Success)
            {
                published = parsed.Value;
            }
            else
            {
                RowProblem(origin, "published", ProblemRules.BadDate, $"Published date '{raw.Published}' is not an ISO date (uuuu-MM-dd).", unit, indicator);
            }
        }

        bool restated = false;
        if (!string.IsNullOrEmpty(raw.Restated) && !bool.TryParse(raw.Restated, out restated))
        {
            RowProblem(origin, "restated", ProblemRules.BadBoolean, $"Restated '{raw.Restated}' is not true or false.", unit, indicator);
        }

        bool countsParsed = (numerator.HasValue || string.IsNullOrEmpty(raw.Numerator)) && (denominator.HasValue || string.IsNullOrEmpty(raw.Denominator));
        if (countsParsed)
        {
            foreach ((string rule, string column, string message) in RateCheck.Check(hasValue ? value : 0, numerator, denominator))
            {
                if (hasValue || column != "value")
                {
                    RowProblem(origin, column, rule, message, unit, indicator);
                }
            }
        }

        if (indicator is not null && _options.Framework is { } framework)
        {
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

        if (unit is not null && hasPeriod && _options.Registry is { } registry && !registry.TryResolve(unit, period, out _))
        {
            RowProblem(origin, "unit", ProblemRules.UnknownUnit, UnknownUnitMessage(registry, unit, period), unit, indicator);
        }

        if (_problems.Count == before && !_skipped.Contains(origin))
        {
            Provenance? provenance = null;
            if (!string.IsNullOrEmpty(raw.Source) || published.HasValue)
            {
                provenance = Provenance(raw.Source ?? string.Empty, published);
            }

            _builder.Add(unit!, indicator!, period, value, qualifier, numerator, denominator, provenance, status, restated, origin);
            InputLimits limits = _options.Limits ?? InputLimits.Default;
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

    internal static bool TryQualifier(string text, out Qualifier qualifier)
    {
        qualifier = text.ToUpperInvariant() switch
        {
            "EXACT" => Qualifier.Exact,
            "ESTIMATE" => Qualifier.Estimate,
            "LOWERBOUND" => Qualifier.LowerBound,
            "UPPERBOUND" => Qualifier.UpperBound,
            _ => (Qualifier)(-1),
        };
        return qualifier >= 0;
    }

    internal static string QualifierText(Qualifier qualifier) => qualifier switch
    {
        Qualifier.Estimate => "estimate",
        Qualifier.LowerBound => "lowerBound",
        Qualifier.UpperBound => "upperBound",
        _ => "exact",
    };

    private static string UnknownUnitMessage(UnitRegistry registry, string unit, ReportingPeriod period)
    {
        string valid = string.Join("; ", registry.Units.Where(u => u.Code == unit).Select(u => $"{u.Id} {u.NameVi} {Span(u)}"));
        return string.Create(CultureInfo.InvariantCulture, $"Unit code '{unit}' denotes no unit on {period.End:uuuu-MM-dd} or {period.Start:uuuu-MM-dd} (period {period}).")
            + (valid.Length > 0 ? $" The code is valid for: {valid}." : " The code is not in the registry.");
    }

    private static string Span(AdministrativeUnit u) => string.Create(
        CultureInfo.InvariantCulture,
        $"[{(u.ValidFrom is { } f ? f.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "…")}, {(u.ValidTo is { } t ? t.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "…")}]");

    private Provenance Provenance(string source, LocalDate? published)
    {
        string key = published is { } p ? p.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        if (!_provenanceCache.TryGetValue((source, key), out Provenance? provenance))
        {
            provenance = new Provenance(source, published);
            _provenanceCache[(source, key)] = provenance;
        }

        return provenance;
    }

    private string? Required(int origin, string column, string? text, string? unit, string? indicator)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            RowProblem(origin, column, ProblemRules.MissingField, $"Field '{column}' is required but {(text is null ? "missing" : "empty")}.", unit, indicator);
            return null;
        }

        return text;
    }

    private double? Optional(int origin, string column, string? text, string? unit, string? indicator) =>
        string.IsNullOrEmpty(text) ? null : Number(origin, column, text, unit, indicator, out double v) ? v : null;

    private bool Number(int origin, string column, string text, string? unit, string? indicator, out double value)
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
