using BenchmarkDotNet.Attributes;
using DxIndicators.Catalog;
using DxIndicators.Model;
using DxIndicators.Serialization;

namespace DxIndicators.Benchmarks.Serialization;

/// <summary>Reads and writes the built-in 2022 DTI framework (schema check, binding, model validation).</summary>
[MemoryDiagnoser]
public class FrameworkJsonBenchmarks
{
    private static readonly Framework s_framework = FrameworkCatalog.Get("vn-dti-province-2022");
    private static readonly string s_json = FrameworkJson.Write(s_framework);

    /// <summary>Reads the framework from JSON text.</summary>
    /// <returns>The framework.</returns>
    [Benchmark]
    public Framework Read_Dti2022() => FrameworkJson.Read(s_json, "vn-dti-province-2022.json").GetValueOrThrow();

    /// <summary>Writes the framework as JSON text.</summary>
    /// <returns>The JSON text.</returns>
    [Benchmark]
    public string Write_Dti2022() => FrameworkJson.Write(s_framework);
}
