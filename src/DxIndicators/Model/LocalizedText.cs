namespace DxIndicators.Model;

/// <summary>A text in Vietnamese and English.</summary>
/// <param name="Vi">The Vietnamese text.</param>
/// <param name="En">The English text.</param>
/// <remarks>Immutable. Either language may be empty, not both (checked by framework validation).</remarks>
public sealed record LocalizedText(string Vi, string En)
{
    /// <summary>Gets the text in the requested language, falling back to the other when empty.</summary>
    /// <param name="language">"vi" or "en" (anything else gives English).</param>
    /// <returns>The text.</returns>
    public string In(string language) =>
        string.Equals(language, "vi", StringComparison.OrdinalIgnoreCase)
            ? (Vi.Length > 0 ? Vi : En)
            : (En.Length > 0 ? En : Vi);

    /// <inheritdoc/>
    public override string ToString() => In("en");
}
