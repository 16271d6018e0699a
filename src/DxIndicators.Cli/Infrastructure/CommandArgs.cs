using System.Globalization;
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
/// Parsed options of one command: <c>--name value</c>, <c>--name=value</c> and bare flags. Every problem is collected,
/// so a user sees all mistakes at once.
/// </summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _options;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private CommandArgs(Dictionary<string, string?> options, List<string> positional)
    {
        _options = options;
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    /// <summary>
    /// Parses <paramref name="args"/> given the set of options that take a value and the set of flags. Arguments that
    /// are not options are errors unless <paramref name="allowPositional"/> (a stray value is never silently ignored).
    /// </summary>
    public static CommandArgs Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags, bool allowPositional = false)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positional = new List<string>();
        var errors = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (!allowPositional)
                {
                    errors.Add($"unexpected argument '{arg}' (every value belongs to an --option)");
                }

                positional.Add(arg);
                continue;
            }

            string name = arg[2..];
            string? inline = null;
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }

            if (valueOptions.Contains(name))
            {
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
                        continue;
                    }
                }

                if (!options.TryAdd(name, value))
                {
                    errors.Add($"option --{name} is given twice");
                }
            }
            else if (flags.Contains(name))
            {
                if (inline is not null)
                {
                    errors.Add($"flag --{name} takes no value");
                }

                options[name] = null;
            }
            else
            {
                string known = string.Join(", ", valueOptions.Concat(flags).Order(StringComparer.Ordinal).Select(o => "--" + o));
                string? closest = Suggest.Closest(name, valueOptions.Concat(flags).Order(StringComparer.Ordinal));
                string hint = closest is null ? string.Empty : $"did you mean --{closest}? ";
                errors.Add($"unknown option --{name} ({hint}known: {(known.Length == 0 ? "none" : known)})");
            }
        }

        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, errors));
        }

        return new CommandArgs(options, positional);
    }

    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>Throws when any of <paramref name="dependents"/> is given without <paramref name="required"/>, since it would have no effect.</summary>
    public void RequireFor(string required, params string[] dependents)
    {
        string[] orphans = dependents.Where(d => Has(d) && !Has(required)).ToArray();
        if (orphans.Length > 0)
        {
            throw new UsageException($"{string.Join(", ", orphans.Select(o => "--" + o))} only {(orphans.Length == 1 ? "works" : "work")} with --{required}");
        }
    }

    public string? Get(string name) => _options.TryGetValue(name, out string? value) ? value : null;

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
}
