using DxIndicators.Model;
using NodaTime.Text;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>What kind of value an option takes; <see cref="CommandArgs.Parse(IReadOnlyList{string}, IReadOnlyList{CliOption}, string?)"/> checks it.</summary>
internal enum OptionKind
{
    /// <summary>A flag: no value.</summary>
    Flag,

    /// <summary>Any text (a path, a code, a method spec checked by the command).</summary>
    Text,

    /// <summary>One of <see cref="CliOption.Choices"/>.</summary>
    Choice,

    /// <summary>An ISO date (uuuu-MM-dd).</summary>
    Date,

    /// <summary>A finite number in the project's number syntax (<see cref="NumberText"/>).</summary>
    Number,

    /// <summary>A whole number of at least <see cref="CliOption.Min"/>.</summary>
    Integer,
}

/// <summary>
/// One option of a dx command: the single definition its parsing, its value check and its line in the usage text
/// come from (docs/architecture.md, "The command line").
/// </summary>
internal sealed record CliOption
{
    private CliOption(string name, OptionKind kind, string? value, string help)
    {
        Name = name;
        Kind = kind;
        Value = value;
        Help = help;
    }

    /// <summary>Gets the name without the leading dashes.</summary>
    public string Name { get; }

    /// <summary>Gets the kind of value.</summary>
    public OptionKind Kind { get; }

    /// <summary>Gets the value's placeholder in the usage text (FILE, DATE, table|csv|json); null for a flag.</summary>
    public string? Value { get; init; }

    /// <summary>Gets the one-line help shown under "Options:".</summary>
    public string Help { get; init; }

    /// <summary>Gets the allowed values of a <see cref="OptionKind.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; private init; } = [];

    /// <summary>Gets the smallest allowed <see cref="OptionKind.Integer"/>.</summary>
    public long Min { get; private init; } = long.MinValue;

    /// <summary>Gets the allowed range of a <see cref="OptionKind.Number"/>, or null for any finite number.</summary>
    public (double Low, double High, bool LowOpen, bool HighOpen)? Range { get; private init; }

    /// <summary>Gets whether the command cannot run without it (every missing one is named at once).</summary>
    public bool Required { get; private init; }

    public bool IsFlag => Kind == OptionKind.Flag;

    /// <summary>The option as written in the synopsis: <c>--name VALUE</c>, or <c>--name</c> for a flag.</summary>
    public string Synopsis => Value is null ? "--" + Name : $"--{Name} {Value}";

    public static CliOption Flag(string name, string help) => new(name, OptionKind.Flag, null, help);

    public static CliOption Text(string name, string value, string help) => new(name, OptionKind.Text, value, help);

    public static CliOption Choice(string name, IReadOnlyList<string> choices, string help) =>
        new(name, OptionKind.Choice, string.Join("|", choices), help) { Choices = choices };

    public static CliOption Date(string name, string help) => new(name, OptionKind.Date, "DATE", help);

    public static CliOption Number(string name, string value, string help) => new(name, OptionKind.Number, value, help);

    /// <summary>A number in an interval, for example [0, 1] or (0, 1).</summary>
    public static CliOption Number(string name, string value, string help, double low, double high, bool lowOpen = false, bool highOpen = false) =>
        new(name, OptionKind.Number, value, help) { Range = (low, high, lowOpen, highOpen) };

    public static CliOption Integer(string name, string value, string help, long min) => new(name, OptionKind.Integer, value, help) { Min = min };

    /// <summary>The same option, required.</summary>
    public CliOption AsRequired() => this with { Required = true };

    /// <summary>The same option with another help line (a shared option explained for one command).</summary>
    public CliOption WithHelp(string help) => this with { Help = help };

    /// <summary>Checks a value against the option's kind: null when it is fine, else what is wrong.</summary>
    public string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (Kind)
        {
            case OptionKind.Choice when !Choices.Contains(value, StringComparer.Ordinal):
                return $"--{Name} must be {Alternatives(Choices)}, was '{value}'";
            case OptionKind.Date when !LocalDatePattern.Iso.Parse(value).Success:
                return $"option --{Name}: '{value}' is not a date (uuuu-MM-dd)";
            case OptionKind.Number:
                if (!NumberText.TryParse(value, out double x, out string? rule))
                {
                    return $"option --{Name}: '{value}' is {NumberText.Explain(rule)}";
                }

                if (Range is { } r && (x < r.Low || x > r.High || (r.LowOpen && x == r.Low) || (r.HighOpen && x == r.High)))
                {
                    return Infrastructure.Text.Invariant($"--{Name} must be in {(r.LowOpen ? "(" : "[")}{r.Low}, {r.High}{(r.HighOpen ? ")" : "]")}, was {x}");
                }

                return null;
            case OptionKind.Integer:
                if (!long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long n) || n is < int.MinValue or > int.MaxValue)
                {
                    return $"--{Name}: '{value}' is not an integer";
                }

                return n < Min ? Infrastructure.Text.Invariant($"--{Name} must be at least {Min}, was {n}") : null;
            default:
                return null;
        }
    }

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Alternatives(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join(string.Empty, items) : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];
}

/// <summary>One way to call a command: its words (<c>dx store init</c>), options and positional argument, if any.</summary>
internal sealed record CommandForm(string Words, IReadOnlyList<CliOption> Options, string? Positional = null);
