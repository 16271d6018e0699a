using DxIndicators.Formats;
using DxIndicators.Catalog;
using DxIndicators.Model;
using DxIndicators.Serialization;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>Resolves a <c>--framework</c> argument: a built-in id or a JSON file path.</summary>
internal static class FrameworkInputs
{
    public const string SampleFrameworkId = "dien-bien-sample";

    public static Framework LoadFramework(string idOrPath)
    {
        if (FrameworkCatalog.TryGet(idOrPath, out Framework? builtIn))
        {
            return builtIn;
        }

        if (File.Exists(idOrPath))
        {
            using Stream stream = InputFile.OpenRead(idOrPath);
            return FrameworkJson.Read(stream, idOrPath).GetValueOrThrow();
        }

        throw new UsageException($"'{idOrPath}' is neither a built-in framework ({string.Join(", ", FrameworkCatalog.Ids)}) nor an existing file");
    }
}
