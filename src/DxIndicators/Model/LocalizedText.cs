namespace DxIndicators.Model;

/// <summary>A text in Vietnamese and English.</summary>
/// <remarks>Immutable, compared by value (ordinal). Either language may be empty; whether both may be (a framework
/// name may not) is the rule of the place that holds the text, checked by framework validation with its path.</remarks>
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    /// <summary>Initializes a new instance of the <see cref="LocalizedText"/> class.</summary>
    /// <param name="vi">The Vietnamese text (empty when there is none; not null).</param>
    /// <param name="en">The English text (empty when there is none; not null).</param>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    public LocalizedText(string vi, string en)
    {
        ArgumentNullException.ThrowIfNull(vi);
        ArgumentNullException.ThrowIfNull(en);
        Vi = vi;
        En = en;
    }

    /// <summary>Gets the Vietnamese text.</summary>
    public string Vi { get; }

    /// <summary>Gets the English text.</summary>
    public string En { get; }

    /// <summary>Compares two texts by value.</summary>
    /// <param name="left">The first text.</param>
    /// <param name="right">The second text.</param>
    /// <returns>True when both are null or both languages are equal (ordinal).</returns>
    public static bool operator ==(LocalizedText? left, LocalizedText? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two texts by value.</summary>
    /// <param name="left">The first text.</param>
    /// <param name="right">The second text.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(LocalizedText? left, LocalizedText? right) => !(left == right);

    /// <summary>Gets the text in the requested language, falling back to the other when empty.</summary>
    /// <param name="language">"vi" or "en" (anything else gives English).</param>
    /// <returns>The text.</returns>
    public string In(string language) =>
        string.Equals(language, "vi", StringComparison.OrdinalIgnoreCase)
            ? (Vi.Length > 0 ? Vi : En)
            : (En.Length > 0 ? En : Vi);

    /// <inheritdoc/>
    public bool Equals(LocalizedText? other) =>
        other is not null && string.Equals(Vi, other.Vi, StringComparison.Ordinal) && string.Equals(En, other.En, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Vi), StringComparer.Ordinal.GetHashCode(En));

    /// <inheritdoc/>
    public override string ToString() => In("en");
}
