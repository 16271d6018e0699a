namespace DxIndicators.Cli.Tests;

/// <summary>Input files shared by several command tests.</summary>
internal static class CliTestData
{
    /// <summary>
    /// Published 2022 main-index values (dti.gov.vn/xep-hang-2022, via shared/research/dti.md §1.6) for Đà Nẵng (48)
    /// and Hồ Chí Minh City (79), in the observation CSV format.
    /// </summary>
    public const string Dti2022Csv = """
        unit,indicator,period,value,qualifier,numerator,denominator,source
        48,AWR,2022,1,,,,dti.gov.vn
        48,INS,2022,0.9,,,,dti.gov.vn
        48,INF,2022,0.8253,,,,dti.gov.vn
        48,HRD,2022,0.8487,,,,dti.gov.vn
        48,SEC,2022,0.7578,,,,dti.gov.vn
        48,GOV,2022,0.8575,,,,dti.gov.vn
        48,ECO,2022,0.7836,,,,dti.gov.vn
        48,SOC,2022,0.5197,,,,dti.gov.vn
        79,AWR,2022,0.8917,,,,dti.gov.vn
        79,INS,2022,0.9,,,,dti.gov.vn
        79,INF,2022,0.8258,,,,dti.gov.vn
        79,HRD,2022,0.6267,,,,dti.gov.vn
        79,SEC,2022,0.558,,,,dti.gov.vn
        79,GOV,2022,0.8406,,,,dti.gov.vn
        79,ECO,2022,0.7611,,,,dti.gov.vn
        79,SOC,2022,0.359,,,,dti.gov.vn
        """;
}
