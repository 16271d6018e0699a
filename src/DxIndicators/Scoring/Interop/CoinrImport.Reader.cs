using DxIndicators.Data;
using DxIndicators.Model;

namespace DxIndicators.Scoring.Interop;

public sealed partial class CoinrImport
{
    /// <summary>One import in progress: the two tables, their column positions and every problem found so far.</summary>
    /// <remarks>Each step adds its problems to <see cref="Errors"/> and goes on, so one run reports all of them.</remarks>
    private sealed class Reader
    {
        private readonly string _metaName, _dataName;
        private readonly string[] _dataHeader;
        private readonly List<(int Line, string[] Fields)> _metaRows, _dataRows;
        private readonly int _cLevel, _cCode, _cName, _cDir, _cWeight, _cType, _cParent, _cUnit, _cTarget, _cDen;
        private readonly int _cGpLower, _cGpUpper, _cGpScale, _cGpTrunc, _cUCode;
        private readonly List<(string Code, string Name, int Level, int Line)> _nodeRows = [];
        private readonly List<(string Child, string Parent, double Weight)> _parentOf = [];

        public Reader(TextReader meta, TextReader data, string metaName, string dataName)
        {
            _metaName = metaName;
            _dataName = dataName;
            (string[] metaHeader, _metaRows) = ReadCsv(meta, metaName, Errors);
            (_dataHeader, _dataRows) = ReadCsv(data, dataName, Errors);
            _cLevel = Required(metaHeader, "Level", metaName);
            _cCode = Required(metaHeader, "iCode", metaName);
            _cName = Required(metaHeader, "iName", metaName);
            _cDir = Required(metaHeader, "Direction", metaName);
            _cWeight = Required(metaHeader, "Weight", metaName);
            _cType = Required(metaHeader, "Type", metaName);
            _cParent = Required(metaHeader, "Parent", metaName);
            _cUnit = Array.IndexOf(metaHeader, "Unit");
            _cTarget = Array.IndexOf(metaHeader, "Target");
            _cDen = Array.IndexOf(metaHeader, "Denominator");
            _cGpLower = Array.IndexOf(metaHeader, "goalpost_lower");
            _cGpUpper = Array.IndexOf(metaHeader, "goalpost_upper");
            _cGpScale = Array.IndexOf(metaHeader, "goalpost_scale");
            _cGpTrunc = Array.IndexOf(metaHeader, "goalpost_trunc2posts");
            _cUCode = Required(_dataHeader, "uCode", dataName);
            UNameColumn = Array.IndexOf(_dataHeader, "uName");
            TimeColumn = Array.IndexOf(_dataHeader, "Time");
        }

        public List<string> Errors { get; } = [];

        public List<IndicatorDefinition> Indicators { get; } = [];

        public List<IndicatorDefinition> Denominators { get; } = [];

        public List<string> GroupColumns { get; } = [];

        public Dictionary<string, Normaliser> GoalpostNormalisers { get; } = new(StringComparer.Ordinal);

        public int UNameColumn { get; }

        public int TimeColumn { get; }

        public List<(int Line, string[] Fields)> DataRows => _dataRows;

        public static string? Field(string[] f, int c) => c < 0 || c >= f.Length || f[c] == "NA" ? null : f[c];

        /// <summary>Reads every iMeta row into indicators, denominators, group columns, aggregate rows and links.</summary>
        public void ReadMeta()
        {
            foreach ((int line, string[] f) in _metaRows)
            {
                string code = Field(f, _cCode) ?? string.Empty;
                if (code.Length == 0)
                {
                    Errors.Add($"{_metaName}:{line}: iCode is empty [{ProblemRules.MissingField}].");
                    continue;
                }

                double level = Number(f, _cLevel, _metaName, line, "Level");
                double weight = Number(f, _cWeight, _metaName, line, "Weight");
                if (ReadMetaRow(line, f, code, level) && Field(f, _cParent) is { } parent)
                {
                    if (double.IsNaN(weight))
                    {
                        // COINr needs a weight for every child; guessing 1 would change the index without a word.
                        Errors.Add($"{_metaName}:{line}: '{code}' has parent '{parent}' but no Weight (NA) [{ProblemRules.MissingField}].");
                    }

                    _parentOf.Add((code, parent, weight));
                }
            }
        }

        /// <summary>Builds the nodes from the aggregate rows (kinds by level) and returns the root, if there is exactly one.</summary>
        public List<FrameworkNode> Nodes(out string root)
        {
            int top = _nodeRows.Count == 0 ? 0 : _nodeRows.Max(n => n.Level);
            var roots = _nodeRows.Where(n => n.Level == top).ToList();
            if (roots.Count != 1)
            {
                Errors.Add($"{_metaName}: expected exactly one aggregate at the top level {top}, found {roots.Count} ({string.Join(", ", roots.Select(r => r.Code))}) [{ProblemRules.InvalidValue}].");
            }

            root = roots.Count > 0 ? roots[0].Code : string.Empty;
            var nodes = new List<FrameworkNode>();
            foreach ((string code, string name, int level, int _) in _nodeRows)
            {
                NodeKind kind = level == top ? NodeKind.Index : level == 2 ? NodeKind.Pillar : (level == top - 1 && top >= 4) ? NodeKind.SubIndex : NodeKind.Component;
                var links = _parentOf.Where(p => p.Parent == code).Select(p => new NodeLink(p.Child, p.Weight, null, FieldRules.Mode.Deferred)).ToValueList();
                nodes.Add(new FrameworkNode(code, new LocalizedText(string.Empty, name), kind, links, FieldRules.Mode.Deferred));
            }

            return nodes;
        }

        /// <summary>Orders the iData rows by uCode (ordinal, C-locale, as COINr does) and checks the codes are unique.</summary>
        public int[] UnitOrder(out string[] units)
        {
            int[] order = Enumerable.Range(0, _dataRows.Count).OrderBy(r => Field(_dataRows[r].Fields, _cUCode) ?? string.Empty, StringComparer.Ordinal).ToArray();
            units = order.Select(r => Field(_dataRows[r].Fields, _cUCode) ?? string.Empty).ToArray();
            foreach (IGrouping<string, string> dup in units.GroupBy(u => u, StringComparer.Ordinal).Where(g => g.Count() > 1 || g.Key.Length == 0))
            {
                Errors.Add($"{_dataName}: uCode '{dup.Key}' is {(dup.Key.Length == 0 ? "empty" : "not unique")} [{ProblemRules.DuplicateCode}].");
            }

            return order;
        }

        /// <summary>Reads the numbers of <paramref name="all"/> (indicators first, then denominators), column-major.</summary>
        public double[] Values(List<IndicatorDefinition> all, int[] order)
        {
            var values = new double[order.Length * all.Count];
            for (int j = 0; j < all.Count; j++)
            {
                int c = Array.IndexOf(_dataHeader, all[j].Code);
                if (c < 0)
                {
                    Errors.Add($"{_dataName}: no column for '{all[j].Code}' ({_metaName} lists it as {(j < Indicators.Count ? "an indicator" : "a denominator")}) [{ProblemRules.MissingField}].");
                    continue;
                }

                for (int r = 0; r < order.Length; r++)
                {
                    (int line, string[] f) = _dataRows[order[r]];
                    values[(j * order.Length) + r] = Number(f, c, _dataName, line, all[j].Code);
                }
            }

            return values;
        }

        /// <summary>Reads the group columns, one label per unit in <paramref name="order"/>.</summary>
        public Dictionary<string, IReadOnlyList<string?>> Groups(int[] order)
        {
            var groups = new Dictionary<string, IReadOnlyList<string?>>(StringComparer.Ordinal);
            foreach (string g in GroupColumns)
            {
                int c = Array.IndexOf(_dataHeader, g);
                if (c < 0)
                {
                    Errors.Add($"{_dataName}: no column for group '{g}' [{ProblemRules.MissingField}].");
                    continue;
                }

                groups[g] = order.Select(r => Field(_dataRows[r].Fields, c)).ToArray();
            }

            return groups;
        }

        /// <summary>Reads one iMeta row by its Type; returns whether the row takes part in the tree (has a parent link).</summary>
        private bool ReadMetaRow(int line, string[] f, string code, double level)
        {
            string type = Field(f, _cType) ?? string.Empty;
            string name = Field(f, _cName) ?? code;
            switch (type)
            {
                case "Indicator":
                    Indicators.Add(ReadIndicator(line, f, code, name));
                    return true;
                case "Aggregate":
                    if (double.IsNaN(level) || level < 2 || level != Math.Floor(level) || level > 1000)
                    {
                        Errors.Add($"{_metaName}:{line}: aggregate '{code}' needs a whole-number Level from 2 to 1000, has {Field(f, _cLevel) ?? "NA"} [{ProblemRules.InvalidValue}].");
                        return false;
                    }

                    _nodeRows.Add((code, name, (int)level, line));
                    return true;
                case "Group":
                    GroupColumns.Add(code);
                    return false;
                case "Denominator":
                    Denominators.Add(new IndicatorDefinition(code, new LocalizedText(string.Empty, name), MeasureKind.Count, Field(f, _cUnit) ?? string.Empty, Polarity.HigherIsBetter, NumericRange.Unbounded, FieldRules.Mode.Deferred) { Source = _metaName });
                    return false;
                default:
                    Errors.Add($"{_metaName}:{line}: Type '{type}' of '{code}' is not Indicator, Aggregate, Group or Denominator [{ProblemRules.InvalidValue}].");
                    return false;
            }
        }

        private IndicatorDefinition ReadIndicator(int line, string[] f, string code, string name)
        {
            double dir = Number(f, _cDir, _metaName, line, "Direction");
            if (dir is not (1 or -1))
            {
                Errors.Add($"{_metaName}:{line}: indicator '{code}' has Direction {Field(f, _cDir) ?? "NA"}; it must be 1 or -1 [{ProblemRules.InvalidValue}].");
            }

            double target = Number(f, _cTarget, _metaName, line, "Target");
            Goalposts? posts = ReadGoalposts(line, f, code);
            return new IndicatorDefinition(code, new LocalizedText(string.Empty, name), MeasureKind.IndexScore, Field(f, _cUnit) ?? string.Empty, dir < 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter, NumericRange.Unbounded, FieldRules.Mode.Deferred)
            {
                Goalposts = posts,
                ReferenceTarget = double.IsNaN(target) ? null : target,
                Denominator = Field(f, _cDen),
                Source = _metaName,
            };
        }

        /// <summary>Reads COINr's optional goalpost columns; registers the goalposts normaliser when they are given and valid.</summary>
        private Goalposts? ReadGoalposts(int line, string[] f, string code)
        {
            double gpLower = Number(f, _cGpLower, _metaName, line, "goalpost_lower"), gpUpper = Number(f, _cGpUpper, _metaName, line, "goalpost_upper");
            if (double.IsNaN(gpLower) && double.IsNaN(gpUpper))
            {
                return null;
            }

            double scale = _cGpScale < 0 || Field(f, _cGpScale) is null ? 1 : Number(f, _cGpScale, _metaName, line, "goalpost_scale");
            string? trunc = Field(f, _cGpTrunc);
            if (!(gpLower < gpUpper) || !double.IsFinite(scale) || trunc is not (null or "TRUE" or "FALSE"))
            {
                Errors.Add($"{_metaName}:{line}: indicator '{code}' needs goalpost_lower < goalpost_upper (raw units), a finite goalpost_scale and goalpost_trunc2posts TRUE or FALSE; found {Field(f, _cGpLower) ?? "NA"}, {Field(f, _cGpUpper) ?? "NA"}, {Field(f, _cGpScale) ?? "NA"}, {trunc ?? "NA"} [{ProblemRules.InvalidValue}].");
                return null;
            }

            GoalpostNormalisers[code] = Normaliser.Goalposts(scale, trunc != "FALSE");
            return new Goalposts(gpLower, gpUpper);
        }

        private double Number(string[] f, int c, string file, int line, string column)
        {
            string? s = Field(f, c);
            if (s is null)
            {
                return double.NaN;
            }

            if (NumberText.TryParse(s, out double v, out string? rule))
            {
                return v;
            }

            Errors.Add($"{file}:{line}: column '{column}' has '{s}', which is {NumberText.Explain(rule)} and not NA [{rule}].");
            return double.NaN;
        }

        private int Required(string[] header, string name, string file)
        {
            int i = Array.IndexOf(header, name);
            if (i < 0)
            {
                Errors.Add($"{file}: missing column '{name}' [{ProblemRules.BadHeader}].");
            }

            return i;
        }
    }
}
