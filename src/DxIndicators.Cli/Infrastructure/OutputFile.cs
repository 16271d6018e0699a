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

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
    }
}
