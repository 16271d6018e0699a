using System.Globalization;
using System.Text;

namespace DxIndicators.Units;

/// <summary>Normalises unit names for lookup so that spelling variants meet on one key.</summary>
/// <remarks>
/// The key is: lower case (invariant) → combining marks removed and precomposed Vietnamese letters mapped to their
/// base letter (so NFC/NFD and both tone-mark placements, "Hòa"/"Hoà", agree) → đ → d → a leading "tỉnh", "thành phố", "tp." or "tp " and a trailing "city" or "province"
/// removed → everything but letters and digits removed ("Bà Rịa–Vũng Tàu" = "Ba Ria - Vung Tau" = "bariavungtau",
/// "Hanoi" = "Hà Nội" = "hanoi").
/// </remarks>
internal static class UnitNames
{
    private static readonly string[] s_prefixes = ["thanh pho ", "tinh ", "tp. ", "tp.", "tp "];
    private static readonly string[] s_suffixes = [" city", " province"];

    private static readonly Dictionary<char, char> s_base = BuildBase();

    public static string Key(string name)
    {
        // string.Normalize is unavailable under InvariantGlobalization, so decomposition is done with a table of the
        // Vietnamese letters plus removal of combining marks (which covers NFD input).
        string trimmed = name.Trim();
        var sb = new StringBuilder(trimmed.Length);
        foreach (char c in trimmed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            char m = Base(char.ToLowerInvariant(c));
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

    /// <summary>Removes Vietnamese diacritics, keeping case and spacing ("Điện Biên Phủ" → "Dien Bien Phu").</summary>
    public static string Ascii(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            char lower = char.ToLowerInvariant(c);
            char folded = Base(lower);
            sb.Append(lower == c ? folded : char.ToUpperInvariant(folded));
        }

        return sb.ToString();
    }

    private static char Base(char c) => c < 128 ? c : s_base.GetValueOrDefault(c, c);

    private static Dictionary<char, char> BuildBase()
    {
        var map = new Dictionary<char, char>();
        (char Base, string Letters)[] groups =
        [
            ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
            ('e', "èéẻẽẹêềếểễệ"),
            ('i', "ìíỉĩị"),
            ('o', "òóỏõọôồốổỗộơờớởỡợ"),
            ('u', "ùúủũụưừứửữự"),
            ('y', "ỳýỷỹỵ"),
            ('d', "đ"),
        ];
        foreach ((char b, string letters) in groups)
        {
            foreach (char letter in letters)
            {
                map[letter] = b;
            }
        }

        return map;
    }
}
