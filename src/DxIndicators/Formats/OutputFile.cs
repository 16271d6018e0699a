using System.Text;

namespace DxIndicators.Formats;

/// <summary>Writes output files so a failure never damages an existing file: the text goes to a temporary file beside
/// the target, which then replaces it in one move. UTF-8 without BOM; the caller's text keeps its LF line ends.</summary>
public static class OutputFile
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes text to a file atomically (temporary file, then move).</summary>
    /// <param name="path">The target file; its directory is created if needed.</param>
    /// <param name="text">The text.</param>
    /// <exception cref="IOException">The file cannot be written; the target is unchanged.</exception>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, writer => writer.Write(text));
    }

    /// <summary>Writes a file atomically through a writer callback (temporary file, then move); if the callback throws,
    /// the temporary file is deleted and the target is unchanged.</summary>
    /// <param name="path">The target file; its directory is created if needed.</param>
    /// <param name="write">Writes the content.</param>
    /// <exception cref="IOException">The file cannot be written; the target is unchanged.</exception>
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var writer = new StreamWriter(temp, append: false, s_utf8))
            {
                writer.NewLine = "\n";
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
