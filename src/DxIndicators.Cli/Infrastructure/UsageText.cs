using System.Text;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>
/// Builds a command's usage text from its option definitions (<see cref="CliOption"/>): a synopsis per form, the
/// command's description, and one line per option. No usage text is kept by hand.
/// </summary>
internal static class UsageText
{
    /// <summary>The width lines are wrapped at.</summary>
    public const int Width = 118;

    private const int HelpColumn = 32;

    public static string For(ICommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sb = new StringBuilder();
        for (int f = 0; f < command.Forms.Count; f++)
        {
            CommandForm form = command.Forms[f];
            string lead = (f == 0 ? "Usage: " : "       ") + "dx " + form.Words;
            var items = new List<string>();
            if (form.Positional is { } positional)
            {
                items.Add(positional);
            }

            items.AddRange(form.Options.Where(o => o.Required).Select(o => o.Synopsis));
            items.AddRange(form.Options.Where(o => !o.Required).Select(o => "[" + o.Synopsis + "]"));
            AppendWrapped(sb, lead, items, new string(' ', lead.Length + 1));
        }

        string description = command.Description.TrimEnd();
        if (description.Length > 0)
        {
            foreach (string line in description.Split('\n'))
            {
                sb.Append("  ").AppendLine(line.TrimEnd('\r'));
            }
        }

        var options = command.Forms.SelectMany(f => f.Options).DistinctBy(o => o.Name).ToList();
        if (options.Count > 0)
        {
            sb.AppendLine("Options:");
            foreach (CliOption option in options)
            {
                string head = "  " + option.Synopsis;
                string help = option.Required ? option.Help + " (required)" : option.Help;
                AppendHelp(sb, head, help);
            }
        }

        sb.Append("  (every command also takes --lang vi|en, --no-color and --help; see dx --help)");
        return sb.ToString();
    }

    /// <summary>Writes <paramref name="head"/> and its help text from <see cref="HelpColumn"/>, wrapped at <see cref="Width"/>.</summary>
    public static void AppendHelp(StringBuilder sb, string head, string help)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(help);
        string lead = head.PadRight(HelpColumn - 1);
        if (head.Length + 1 >= HelpColumn)
        {
            sb.AppendLine(head);
            lead = new string(' ', HelpColumn - 1);
        }

        AppendWrapped(sb, lead, help.Split(' ', StringSplitOptions.RemoveEmptyEntries), new string(' ', HelpColumn));
    }

    private static void AppendWrapped(StringBuilder sb, string lead, IEnumerable<string> items, string indent)
    {
        var line = new StringBuilder(lead);
        bool empty = true;
        foreach (string item in items)
        {
            if (!empty && line.Length + 1 + item.Length > Width)
            {
                sb.AppendLine(line.ToString().TrimEnd());
                line.Clear().Append(indent).Append(item);
                continue;
            }

            line.Append(' ').Append(item);
            empty = false;
        }

        sb.AppendLine(line.ToString().TrimEnd());
    }
}
