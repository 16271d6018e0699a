using System.Globalization;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Units;

/// <summary>
/// One administrative unit in one vintage of a code list: a GSO code, names, level, parent and the dates it is valid.
/// </summary>
/// <remarks>
/// Immutable; safe to share. A code is only unique together with its vintage (seven Vietnamese province codes were
/// given to other units on 2025-07-01), so a unit's identity is <see cref="Id"/> = <c>code@vintage</c>
/// (for example <c>24@2004</c> = Bắc Giang, <c>24@2025</c> = Bắc Ninh). Validity dates are inclusive; null means open.
/// </remarks>
public sealed class AdministrativeUnit : IEquatable<AdministrativeUnit>
{
    /// <summary>Initializes a new unit.</summary>
    /// <param name="code">The code within its vintage ("24", "VN").</param>
    /// <param name="vintage">The code list the code belongs to ("2004" for Decision 124/2004, "2025" for Decision 19/2025), or null for a unit with one code for all time (the nation).</param>
    /// <param name="nameVi">The Vietnamese short name in Unicode NFC ("Bắc Giang").</param>
    /// <param name="nameEn">The English name ("Bac Giang", "Hanoi").</param>
    /// <param name="nameAscii">The Vietnamese name without diacritics ("Bac Giang").</param>
    /// <param name="level">The administrative level.</param>
    /// <param name="kind">The legal kind.</param>
    /// <param name="parentId">The <see cref="Id"/> of the parent unit, or null for the nation.</param>
    /// <param name="validFrom">The first day the unit exists (inclusive), or null when open.</param>
    /// <param name="validTo">The last day the unit exists (inclusive), or null when open.</param>
    /// <param name="aliases">Other spellings and names the unit is known by (English names, old names, tone-mark variants).</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The code or name is empty, the vintage contains '@', an enum is undefined, or <paramref name="validTo"/> is before <paramref name="validFrom"/>.</exception>
    public AdministrativeUnit(
        string code,
        string? vintage,
        string nameVi,
        string nameEn,
        string nameAscii,
        AdminLevel level,
        UnitKind kind,
        string? parentId,
        LocalDate? validFrom,
        LocalDate? validTo,
        IEnumerable<string>? aliases = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameVi);
        ArgumentNullException.ThrowIfNull(nameEn);
        ArgumentNullException.ThrowIfNull(nameAscii);
        if (code.Contains('@', StringComparison.Ordinal) || (vintage is not null && (vintage.Length == 0 || vintage.Contains('@', StringComparison.Ordinal))))
        {
            throw new ArgumentException($"Unit code '{code}' and vintage '{vintage}' must be non-empty and must not contain '@'.", nameof(vintage));
        }

        if (!Enum.IsDefined(level))
        {
            throw new ArgumentException($"Unit '{code}': level {(int)level} is not a defined AdminLevel.", nameof(level));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException($"Unit '{code}': kind {(int)kind} is not a defined UnitKind.", nameof(kind));
        }

        if (validFrom is { } from && validTo is { } to && to < from)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unit '{code}': validTo {to:uuuu-MM-dd} is before validFrom {from:uuuu-MM-dd}."), nameof(validTo));
        }

        Code = code;
        Vintage = vintage;
        Id = vintage is null ? code : code + "@" + vintage;
        NameVi = nameVi;
        NameEn = nameEn;
        NameAscii = nameAscii;
        Level = level;
        Kind = kind;
        ParentId = parentId;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Aliases = (aliases ?? []).ToValueList();
    }

    /// <summary>Gets the registry-wide identity, <c>code@vintage</c> (or the bare code when there is no vintage).</summary>
    public string Id { get; }

    /// <summary>Gets the code within its vintage (what data files use).</summary>
    public string Code { get; }

    /// <summary>Gets the code list the code belongs to, or null.</summary>
    public string? Vintage { get; }

    /// <summary>Gets the Vietnamese short name (NFC).</summary>
    public string NameVi { get; }

    /// <summary>Gets the English name.</summary>
    public string NameEn { get; }

    /// <summary>Gets the Vietnamese name without diacritics.</summary>
    public string NameAscii { get; }

    /// <summary>Gets the administrative level.</summary>
    public AdminLevel Level { get; }

    /// <summary>Gets the legal kind (province, municipality…).</summary>
    public UnitKind Kind { get; }

    /// <summary>Gets the parent's <see cref="Id"/>, or null for the top unit.</summary>
    public string? ParentId { get; }

    /// <summary>Gets the first day the unit exists (inclusive), or null when open.</summary>
    public LocalDate? ValidFrom { get; }

    /// <summary>Gets the last day the unit exists (inclusive), or null when open.</summary>
    public LocalDate? ValidTo { get; }

    /// <summary>Gets other names and spellings the unit is known by.</summary>
    public ValueList<string> Aliases { get; }

    /// <summary>Determines whether the unit exists on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when ValidFrom ≤ date ≤ ValidTo (open ends always match).</returns>
    public bool IsValidOn(LocalDate date) => (ValidFrom is not { } from || date >= from) && (ValidTo is not { } to || date <= to);

    /// <inheritdoc/>
    public bool Equals(AdministrativeUnit? other) =>
        other is not null &&
        string.Equals(Id, other.Id, StringComparison.Ordinal) &&
        string.Equals(NameVi, other.NameVi, StringComparison.Ordinal) &&
        string.Equals(NameEn, other.NameEn, StringComparison.Ordinal) &&
        string.Equals(NameAscii, other.NameAscii, StringComparison.Ordinal) &&
        Level == other.Level &&
        Kind == other.Kind &&
        string.Equals(ParentId, other.ParentId, StringComparison.Ordinal) &&
        ValidFrom == other.ValidFrom &&
        ValidTo == other.ValidTo &&
        Aliases == other.Aliases;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AdministrativeUnit);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, NameVi, Level, Kind, ValidFrom, ValidTo);

    /// <summary>Compares two units by content.</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(AdministrativeUnit? left, AdministrativeUnit? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two units by content.</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(AdministrativeUnit? left, AdministrativeUnit? right) => !(left == right);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {NameVi}";
}
