using System.Globalization;
using DxIndicators.Model;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>Thrown for a command line that cannot be used; the message says what to change.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Parsed options of one command: <c>--name value</c>, <c>--name=value</c> and bare flags, read against the command's
/// <see cref="CliOption"/> definitions. Every problem of the command line (unknown options with a suggestion,
/// missing values, repeated options, values given to flags, stray arguments, values of the wrong kind, missing required
/// options) is collected by <see cref="Parse(IReadOnlyList{string}, IReadOnlyList{CliOption}, string?)"/>, the
/// command adds the problems of its own rules between options (<see cref="RequireFor"/>, <see cref="Together"/>,
/// <see cref="NotBoth"/>, <see cref="Problem"/>), and all are reported together by <see cref="ThrowIfProblems"/>, or at
/// the latest by the first value read (<see cref="Get"/>), so no problem is ever silently skipped.
/// </summary>
internal sealed class CommandArgs
{
    /// <summary>Options every command takes (listed once, in <c>dx --help</c>).</summary>
    public static IReadOnlyList<CliOption> Global { get; } =
    [
        CliOption.Choice("lang", ["vi", "en"], "names of frameworks, indicators, units and catalogues in Vietnamese or English (default: English; dx report: Vietnamese)"),
    ];

    private readonly Dictionary<string, string?> _options;
    private readonly List<string> _problems = [];

    private CommandArgs(Dictionary<string, string?> options, List<string> positional)
    {
        _options = options;
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Gets the language of names (<c>--lang</c>), or null when not given (a command's own default then applies).</summary>
    public string? Lang => _options.TryGetValue("lang", out string? lang) ? lang : null;

    /// <summary>A bilingual name in the chosen language (<c>--lang</c>; English unless <c>vi</c>).</summary>
    public string Name(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Lang == "vi" ? text.Vi : text.En;
    }

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="definitions"/> (plus <see cref="Global"/>): every problem
    /// is collected, and thrown with the command's own problems as one <see cref="UsageException"/> by
    /// <see cref="ThrowIfProblems"/> or the first value read (<see cref="Get"/>). Arguments that are not options are errors
    /// unless the command takes a <paramref name="positional"/> one (a stray value is never silently ignored).
    /// </summary>
    public static CommandArgs Parse(IReadOnlyList<string> args, IReadOnlyList<CliOption> definitions, string? positional = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(definitions);
        var byName = new Dictionary<string, CliOption>(StringComparer.Ordinal);
        foreach (CliOption option in definitions.Concat(Global))
        {
            byName.TryAdd(option.Name, option);
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positionals = new List<string>();
        var errors = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (positional is null)
                {
                    errors.Add($"unexpected argument '{arg}' (every value belongs to an --option)");
                }

                positionals.Add(arg);
                continue;
            }

            (string name, string? inline) = SplitInline(arg);
            if (!byName.TryGetValue(name, out CliOption? definition))
            {
                errors.Add(UnknownOption(name, definitions));
                continue;
            }

            i = AddValue(args, i, name, inline, definition, options, errors);
        }

        string[] missing = definitions.Where(d => d.Required && !options.ContainsKey(d.Name)).Select(d => d.Synopsis).ToArray();
        if (missing.Length > 0)
        {
            errors.Add($"{string.Join(", ", missing)} {(missing.Length == 1 ? "is" : "are")} required");
        }

        // Not thrown here: the command adds the problems of its own rules, and all are reported together by
        // ThrowIfProblems or, at the latest, by the first value read.
        var parsed = new CommandArgs(options, positionals);
        parsed._problems.AddRange(errors);
        return parsed;
    }

    /// <summary>Splits <c>--name=value</c> into the name and the inline value (null when there is no <c>=</c>).</summary>
    private static (string Name, string? Inline) SplitInline(string arg)
    {
        string name = arg[2..];
        int eq = name.IndexOf('=', StringComparison.Ordinal);
        return eq >= 0 ? (name[..eq], name[(eq + 1)..]) : (name, null);
    }

    /// <summary>The problem for an option the command does not know, with the closest known name and the full list.</summary>
    private static string UnknownOption(string name, IReadOnlyList<CliOption> definitions)
    {
        IEnumerable<string> names = definitions.Select(d => d.Name).Order(StringComparer.Ordinal);
        string known = string.Join(", ", names.Select(o => "--" + o));
        string? closest = Suggest.Closest(name, names.Concat(Global.Select(g => g.Name)));
        string hint = closest is null ? string.Empty : $"did you mean --{closest}? ";
        return $"unknown option --{name} ({hint}known: {(known.Length == 0 ? "none" : known)})";
    }

    /// <summary>
    /// Records the value of the option at <paramref name="i"/> (a flag's null, the inline value or the next argument)
    /// or its problem; returns the index of the last argument used.
    /// </summary>
    private static int AddValue(
        IReadOnlyList<string> args, int i, string name, string? inline, CliOption definition, Dictionary<string, string?> options, List<string> errors)
    {
        if (definition.IsFlag)
        {
            if (inline is not null)
            {
                errors.Add($"flag --{name} takes no value");
            }

            options[name] = null;
            return i;
        }

        string? value = inline;
        if (value is null)
        {
            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                errors.Add($"option --{name} needs a value");
                return i;
            }
        }

        if (!options.TryAdd(name, value))
        {
            errors.Add($"option --{name} is given twice");
        }
        else if (definition.Check(value) is { } wrong)
        {
            errors.Add(wrong);
        }

        return i;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>Whether <paramref name="name"/> was given with the value <paramref name="value"/> (a check that never throws).</summary>
    public bool Is(string name, string value) => _options.TryGetValue(name, out string? given) && string.Equals(given, value, StringComparison.Ordinal);

    /// <summary>Records a problem with the command line, reported with all others by <see cref="ThrowIfProblems"/>.</summary>
    public void Problem(string message) => _problems.Add(message);

    /// <summary>Records a problem for each of <paramref name="dependents"/> given without <paramref name="required"/> (it would have no effect).</summary>
    public void RequireFor(string required, params string[] dependents)
    {
        string[] orphans = dependents.Where(d => Has(d) && !Has(required)).ToArray();
        if (orphans.Length > 0)
        {
            Problem($"{string.Join(", ", orphans.Select(o => "--" + o))} only {(orphans.Length == 1 ? "works" : "work")} with --{required}");
        }
    }

    /// <summary>Records a problem when exactly one of the two options is given.</summary>
    public void Together(string a, string b)
    {
        if (Has(a) != Has(b))
        {
            Problem($"--{a} and --{b} go together");
        }
    }

    /// <summary>Records a problem when both options are given.</summary>
    public void NotBoth(string a, string b, string? why = null)
    {
        if (Has(a) && Has(b))
        {
            Problem(why ?? $"give --{a} or --{b}, not both");
        }
    }

    /// <summary>Throws every recorded problem at once (exit code 2).</summary>
    public void ThrowIfProblems()
    {
        if (_problems.Count > 0)
        {
            string message = string.Join(Environment.NewLine, _problems.Distinct(StringComparer.Ordinal));
            _problems.Clear();
            throw new UsageException(message);
        }
    }

    /// <summary>The value of <paramref name="name"/>, or null; throws the problems recorded so far first.</summary>
    /// <summary>The raw value of <paramref name="name"/>, or null; unlike <see cref="Get"/> it never throws the problems recorded so far, so a command can check one more option before reporting them all.</summary>
    public string? Peek(string name) => _options.TryGetValue(name, out string? value) ? value : null;

    public string? Get(string name)
    {
        ThrowIfProblems();
        return _options.TryGetValue(name, out string? value) ? value : null;
    }

    public string GetOrDefault(string name, string fallback) => Get(name) ?? fallback;

    public LocalDate? GetDate(string name)
    {
        string? text = Get(name);
        if (text is null)
        {
            return null;
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new UsageException($"option --{name}: '{text}' is not a date (uuuu-MM-dd)");
    }

    public double? GetDouble(string name)
    {
        string? text = Get(name);
        if (text is null)
        {
            return null;
        }

        return NumberText.TryParse(text, out double value, out string? rule)
            ? value
            : throw new UsageException($"option --{name}: '{text}' is {NumberText.Explain(rule)}");
    }

    /// <summary>The value of an <see cref="OptionKind.Integer"/> option (checked when parsed), or <paramref name="fallback"/>.</summary>
    public int GetInt(string name, int fallback) =>
        Get(name) is { } text ? int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : fallback;
}
