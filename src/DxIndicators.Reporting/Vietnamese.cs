using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace DxIndicators.Reporting;

/// <summary>
/// Vietnamese for the texts the core produces in English only: indicator units ("% of dossiers"), the target
/// evaluator's notes, legal-source strings of the built-in catalogues and the scoring method line. A text this table
/// does not know is shown as it is (never dropped); <c>VietnameseReportTests</c> checks that the sample has none.
/// </summary>
internal static partial class Vietnamese
{
    private static readonly FrozenDictionary<string, string> s_units = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index 0–1"] = "chỉ số 0–1",
        ["%"] = "%",
        ["% a year"] = "% mỗi năm",
        ["% of people"] = "% người dân",
        ["% of population"] = "% dân số",
        ["% of people aged 15+"] = "% người từ 15 tuổi",
        ["% of working-age people"] = "% người trong độ tuổi lao động",
        ["% of adults"] = "% người trưởng thành",
        ["% of adults / businesses"] = "% người trưởng thành / doanh nghiệp",
        ["% of labour force"] = "% lực lượng lao động",
        ["% of users"] = "% người dùng",
        ["% of dossiers"] = "% hồ sơ",
        ["% of records"] = "% hồ sơ",
        ["% of work records"] = "% hồ sơ công việc",
        ["% of documents"] = "% văn bản",
        ["% of eligible procedures"] = "% thủ tục đủ điều kiện",
        ["% of villages"] = "% thôn, bản",
        ["% of residential areas"] = "% khu dân cư",
        ["% of households"] = "% hộ gia đình",
        ["% of officials"] = "% cán bộ, công chức",
        ["% of agencies"] = "% cơ quan",
        ["% of communes"] = "% xã",
        ["% of communes/wards"] = "% xã, phường",
        ["% of commune/ward centres"] = "% trung tâm xã, phường",
        ["% of meetings"] = "% cuộc họp",
        ["% of facilities"] = "% cơ sở",
        ["% of databases"] = "% cơ sở dữ liệu",
        ["% of enterprises"] = "% doanh nghiệp",
        ["% of SMEs"] = "% doanh nghiệp nhỏ và vừa",
        ["% of GRDP"] = "% GRDP",
        ["% of GDP"] = "% GDP",
        ["% of growth"] = "% tăng trưởng",
        ["% of goods exports"] = "% kim ngạch xuất khẩu hàng hoá",
        ["% of retail sales"] = "% tổng mức bán lẻ",
        ["% of sector value added"] = "% giá trị tăng thêm của ngành",
        ["% of R&D spending"] = "% chi cho nghiên cứu và phát triển",
        ["world rank"] = "thứ hạng thế giới",
        ["rank in South-East Asia"] = "thứ hạng trong Đông Nam Á",
        ["rank of 63"] = "thứ hạng trên 63",
        ["rank of 34"] = "thứ hạng trên 34",
        ["rank of 193"] = "thứ hạng trên 193",
        ["points of 100"] = "điểm trên 100",
        ["per 100 people"] = "trên 100 dân",
        ["stations"] = "trạm",
        ["villages"] = "thôn, bản",
        ["subscribers"] = "thuê bao",
        ["people"] = "người",
        ["records"] = "hồ sơ",
        ["enterprises"] = "doanh nghiệp",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly (string En, string Vi)[] s_phrases =
    [
        ("2025 action plan of the Government Steering Committee implementing Resolution 71/NQ-CP and Project 06", "Kế hoạch hành động năm 2025 của Ban Chỉ đạo của Chính phủ thực hiện Nghị quyết 71/NQ-CP và Đề án 06"),
        ("Project on digital transformation in ethnic affairs to 2030", "Đề án chuyển đổi số trong công tác dân tộc đến năm 2030"),
    ];

    private static readonly (string En, string Vi)[] s_instruments =
    [
        ("Decision", "Quyết định"), ("Resolution", "Nghị quyết"), ("Plan", "Kế hoạch"), ("Decree", "Nghị định"),
        ("Directive", "Chỉ thị"), ("Circular", "Thông tư"), ("Law", "Luật"), ("Project", "Đề án"), ("Programme", "Chương trình"),
    ];

    /// <summary>An indicator unit in Vietnamese ("% of dossiers" → "% hồ sơ"); an unknown unit is returned unchanged.</summary>
    public static string Unit(string unit) => s_units.TryGetValue(unit, out string? vi) ? vi : unit;

    /// <summary>Whether <see cref="Unit"/> knows the unit (for tests).</summary>
    public static bool KnowsUnit(string unit) => s_units.ContainsKey(unit);

    /// <summary>A legal source in Vietnamese: instrument names ("Decision 749/QĐ-TTg" → "Quyết định 749/QĐ-TTg"), "implements … of DATE", and the known descriptions.</summary>
    public static string LegalSource(string source)
    {
        string s = source;
        foreach ((string en, string vi) in s_phrases)
        {
            s = s.Replace(en, vi, StringComparison.Ordinal);
        }

        s = ImplementsOf().Replace(s, m => $"thực hiện {Instrument(m.Groups[1].Value)} ngày {m.Groups[2].Value}");
        s = InstrumentNumber().Replace(s, m => Instrument(m.Groups[1].Value) + " " + m.Groups[2].Value);
        return s;
    }

    private static string Instrument(string en)
    {
        foreach ((string e, string v) in s_instruments)
        {
            if (string.Equals(e, en, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return en;
    }

    /// <summary>The scoring method line ("denominate=no; impute=None; …") with Vietnamese keys and words; method identifiers (minmax, amean …) stay.</summary>
    public static string Method(string description)
    {
        var parts = description.Split("; ");
        for (int i = 0; i < parts.Length; i++)
        {
            int eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }

            string key = parts[i][..eq], value = parts[i][(eq + 1)..];
            string viKey = key switch
            {
                "denominate" => "chia theo quy mô",
                "impute" => "điền giá trị thiếu",
                "treat" => "xử lý ngoại lai",
                "normalise" => "chuẩn hoá",
                "aggregate" => "tổng hợp",
                "minShare" => "tỷ lệ tối thiểu",
                "weights" => "trọng số",
                "rank" => "xếp hạng",
                _ => key,
            };
            string viValue = value switch
            {
                "yes" => "có",
                "no" or "none" or "None" => "không",
                "auto" => "tự động theo chỉ số",
                "framework" => "theo bộ chỉ số",
                "Competition" => "đồng hạng kiểu thi đấu (1, 2, 2, 4)",
                "Dense" => "đồng hạng liền (1, 2, 2, 3)",
                "Fractional" => "hạng trung bình (1; 2,5; 2,5; 4)",
                "ColumnMean" => "trung bình cột",
                "ColumnMedian" => "trung vị cột",
                _ => value.Replace(" overridden", " được thay", StringComparison.Ordinal).Replace(" within ", " trong nhóm ", StringComparison.Ordinal),
            };
            parts[i] = viKey + ": " + viValue;
        }

        return string.Join("; ", parts);
    }

    /// <summary>A note of the target evaluator in Vietnamese (each of its sentence templates); an unknown sentence stays as it is.</summary>
    public static string Note(string note)
    {
        string s = note;
        s = NoObservation().Replace(s, m => $"Không có quan sát nào của '{m.Groups[1].Value}' cho đơn vị '{m.Groups[2].Value}' có kỳ kết thúc trước hoặc vào ngày {m.Groups[3].Value}.");
        s = CannotDecide().Replace(s, m => $"Giá trị mới nhất ({Qualified(m.Groups[1].Value)} năm {m.Groups[2].Value}) chưa đủ để kết luận '{Between(m.Groups[3].Value)}'.");
        s = DeadlinePassed().Replace(s, m => $"Thời hạn {m.Groups[1].Value} đã qua; số liệu mới nhất ({m.Groups[2].Value}) có trước thời hạn, nên theo số liệu hiện có là không đạt.");
        s = GapWidened().Replace(s, m => $"Khoảng cách tăng từ {m.Groups[1].Value} lên {m.Groups[2].Value}; không tính được tỷ số tiến độ ({Reason(m.Groups[3].Value)}).");
        s = NotComputable().Replace(s, m => $"Không tính được tiến độ: {Reason(m.Groups[1].Value)}.");
        s = Relapse().Replace(s, m => $"Chỉ tiêu đã đạt vào {m.Groups[1].Value} nhưng giá trị mới nhất không còn đạt.");
        s = s.Replace("The target is already achieved.", "Chỉ tiêu đã đạt.", StringComparison.Ordinal);
        return s;
    }

    private static string Qualified(string text) => text.StartsWith("over ", StringComparison.Ordinal) ? "trên " + text[5..]
        : text.StartsWith("under ", StringComparison.Ordinal) ? "dưới " + text[6..]
        : text.StartsWith("about ", StringComparison.Ordinal) ? "khoảng " + text[6..]
        : text;

    private static string Between(string rule) => BetweenRule().Replace(rule, m => $"từ {m.Groups[1].Value} đến {m.Groups[2].Value}").Replace("rank ≤", "hạng ≤", StringComparison.Ordinal);

    private static string Reason(string why)
    {
        string s = why;
        s = BaselineNotBefore().Replace(s, m => $"ngày gốc {m.Groups[1].Value} không trước ngày kết thúc của quan sát mới nhất {m.Groups[2].Value}");
        s = OnlyOne().Replace(s, m => $"chỉ có một quan sát ({m.Groups[1].Value}) và không có giá trị gốc, nên không đo được tốc độ");
        s = SignChange().Replace(s, m => $"giá trị đổi dấu giữa giá trị gốc ({m.Groups[1].Value}) và giá trị mới nhất ({m.Groups[2].Value}), nên tăng trưởng kép không xác định");
        s = OppositeSides().Replace(s, m => $"giá trị gốc ({m.Groups[1].Value}) và ngưỡng ({m.Groups[2].Value}) nằm hai phía của 0, nên tăng trưởng kép cần thiết không xác định");
        s = DeadlineNotAfter().Replace(s, m => $"thời hạn {m.Groups[1].Value} không sau ngày gốc {m.Groups[2].Value}");
        s = AlreadyEquals().Replace(s, m => $"giá trị gốc ({m.Groups[1].Value}) đã bằng ngưỡng, nên tăng trưởng cần thiết bằng 0");
        s = Overflows().Replace(s, m => $"tốc độ tăng trưởng trong {m.Groups[1].Value} năm bị tràn số (gốc {m.Groups[2].Value}, mới nhất {m.Groups[3].Value})");
        return s;
    }

    [GeneratedRegex(@"implements (Decision|Resolution|Plan|Decree|Directive|Circular|Law|Project|Programme) (\S+) of (\d{4}-\d{2}-\d{2})")]
    private static partial Regex ImplementsOf();

    [GeneratedRegex(@"\b(Decision|Resolution|Plan|Decree|Directive|Circular|Law) (\d\S*)")]
    private static partial Regex InstrumentNumber();

    [GeneratedRegex(@"No observation of '([^']*)' for unit '([^']*)' has a period ending on or before (\S+)\.")]
    private static partial Regex NoObservation();

    [GeneratedRegex(@"The latest value \((.+?) in (\S+)\) cannot decide '([^']*)'\.")]
    private static partial Regex CannotDecide();

    [GeneratedRegex(@"The deadline (\S+) has passed; the latest data \(([^)]*)\) predate it, so this is missed on the data available\.")]
    private static partial Regex DeadlinePassed();

    [GeneratedRegex(@"The gap widened from (\S+) to (\S+); the progress ratio is not computable \((.*)\)\.")]
    private static partial Regex GapWidened();

    [GeneratedRegex(@"Progress is not computable: (.*)\.")]
    private static partial Regex NotComputable();

    [GeneratedRegex(@"The target was met in (\S+) but the latest value no longer meets it\.")]
    private static partial Regex Relapse();

    [GeneratedRegex(@"between (\S+) and (\S+)")]
    private static partial Regex BetweenRule();

    [GeneratedRegex(@"the baseline date (\S+) is not before the latest observation's end (\S+)")]
    private static partial Regex BaselineNotBefore();

    [GeneratedRegex(@"only one observation \(([^)]*)\) and no baseline, so there is no pace to measure")]
    private static partial Regex OnlyOne();

    [GeneratedRegex(@"the values change sign between the base \(([^)]*)\) and the latest value \(([^)]*)\), so compound growth is not defined")]
    private static partial Regex SignChange();

    [GeneratedRegex(@"the base \(([^)]*)\) and the threshold \(([^)]*)\) lie on opposite sides of zero, so the required compound growth is not defined")]
    private static partial Regex OppositeSides();

    [GeneratedRegex(@"the deadline (\S+) is not after the base date (\S+)")]
    private static partial Regex DeadlineNotAfter();

    [GeneratedRegex(@"the base value \(([^)]*)\) already equals the threshold, so the required growth is zero")]
    private static partial Regex AlreadyEquals();

    [GeneratedRegex(@"the growth rate over (\S+) years overflows \(base ([^,]*), latest ([^)]*)\)")]
    private static partial Regex Overflows();
}
