using System.Globalization;
using System.Text;

namespace DxIndicators.Units;

/// <summary>Normalises unit names for lookup so that spelling variants meet on one key.</summary>
/// <remarks>
/// The key is: Unicode NFD → combining marks removed (so NFC/NFD and both tone-mark placements, "Hòa"/"Hoà", agree) →
/// đ/Đ → d → lower case (invariant) → a leading "tỉnh", "thành phố", "tp." or "tp " and a trailing "city" or "province"
/// removed → everything but letters and digits removed ("Bà Rịa–Vũng Tàu" = "Ba Ria - Vung Tau" = "bariavungtau",
/// "Hanoi" = "Hà Nội" = "hanoi").
/// </remarks>
internal static class UnitNames
{
    private static readonly string[] s_prefixes = ["thanh pho ", "tinh ", "tp. ", "tp.", "tp "];
    private static readonly string[] s_suffixes = [" city", " province"];

    public static string Key(string name)
    {
        string decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            char m = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            sb.Append(char.IsWhiteSpace(m) ? ' ' : m);
        }

        string s = sb.ToString();
        foreach (string prefix in s_prefixes)
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal) && s.Length > prefix.Length)
            {
                s = s[prefix.Length..];
                break;
            }
        }

        foreach (string suffix in s_suffixes)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length)
            {
                s = s[..^suffix.Length];
                break;
            }
        }

        var key = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }
}
