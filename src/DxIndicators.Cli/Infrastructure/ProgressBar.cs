using System.Globalization;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>
/// A one-line progress bar on standard error for long runs (uncertainty and sensitivity analyses), drawn only when
/// standard error is a terminal that allows styling (<see cref="CliContext.ErrorColour"/>); otherwise it writes
/// nothing, so redirected output and logs stay plain. The bar is redrawn in place with a carriage return when the
/// whole percentage changes, and cleared when disposed, so the results that follow start on a clean line.
/// Reports must come from one thread at a time (the analyses report between their parallel waves).
/// </summary>
internal sealed class ProgressBar : IDisposable
{
    private const int Width = 30;
    private readonly TextWriter _output;
    private readonly bool _enabled;
    private readonly string _label;
    private int _lastPercent = -1;
    private int _lastLength;

    public ProgressBar(CliContext context, string label)
    {
        ArgumentNullException.ThrowIfNull(context);
        _output = context.Error;
        _enabled = context.ErrorColour;
        _label = label;
    }

    /// <summary>Whether the bar draws anything (standard error is a styling terminal).</summary>
    public bool Enabled => _enabled;

    /// <summary>Shows <paramref name="done"/> of <paramref name="total"/> (both counts of the same thing, such as runs).</summary>
    public void Update(long done, long total)
    {
        if (!_enabled || total <= 0)
        {
            return;
        }

        long clamped = Math.Clamp(done, 0, total);
        int percent = (int)(clamped * 100 / total);
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        int filled = (int)(clamped * Width / total);
        string line = string.Create(CultureInfo.InvariantCulture, $"{_label} [{new string('█', filled)}{new string('░', Width - filled)}] {percent,3}% {clamped}/{total}");
        _output.Write("\r" + line + (line.Length < _lastLength ? new string(' ', _lastLength - line.Length) : string.Empty));
        _lastLength = line.Length;
        _output.Flush();
    }

    /// <summary>Clears the bar's line.</summary>
    public void Dispose()
    {
        if (_enabled && _lastLength > 0)
        {
            _output.Write("\r" + new string(' ', _lastLength) + "\r");
            _output.Flush();
        }
    }
}
