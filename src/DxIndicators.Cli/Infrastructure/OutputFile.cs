namespace DxIndicators.Cli.Infrastructure;

/// <summary>Writes a command's output to <c>--out FILE</c> or to standard output.</summary>
internal static class OutputFile
{
    public static void Write(string? path, string text, TextWriter standardOutput)
    {
        if (path is null)
        {
            standardOutput.Write(text);
            return;
        }

        // Temporary file, then move: a failed write never damages an existing output.
        Formats.OutputFile.WriteAllText(path, text);
    }
}
