namespace DxIndicators.Scoring.Methods;

/// <summary>The closed list of one family's methods (normalisers, aggregators …), in docs order; parses their text.</summary>
/// <typeparam name="T">What the family's text makes.</typeparam>
internal sealed class MethodRegistry<T>
{
    private readonly Dictionary<string, MethodSyntax<T>> _byName;

    public MethodRegistry(string family, string docsHeading, IReadOnlyList<MethodSyntax<T>> methods)
    {
        Family = family;
        DocsHeading = docsHeading;
        Methods = methods;
        _byName = methods.ToDictionary(m => m.Name, StringComparer.Ordinal);
        Grammars = methods.Select(m => m.Grammar).ToValueList();
    }

    /// <summary>Gets the family's name in messages ("normaliser").</summary>
    public string Family { get; }

    /// <summary>Gets the docs/methodology.md heading whose table lists the family.</summary>
    public string DocsHeading { get; }

    /// <summary>Gets the methods, in the order of the docs table.</summary>
    public IReadOnlyList<MethodSyntax<T>> Methods { get; }

    /// <summary>Gets every method's grammar, in docs order.</summary>
    public ValueList<string> Grammars { get; }

    /// <summary>Gets every grammar, comma-separated (the CLI usage text).</summary>
    public string Usage => string.Join(", ", Grammars);

    /// <summary>Parses a method's text.</summary>
    /// <exception cref="FormatException">The name is unknown or the arguments do not fit the grammar.</exception>
    /// <exception cref="ArgumentException">The arguments break the method's rule (for example min-max with high ≤ low).</exception>
    public T Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        MethodText parts = MethodText.Split(text.Trim());
        return _byName.TryGetValue(parts.Name, out MethodSyntax<T>? syntax)
            ? syntax.Create(parts.For(syntax.Grammar))
            : throw new FormatException($"unknown method '{parts.Name}' ({Usage})");
    }

    /// <summary>Parses a method's text without throwing.</summary>
    public bool TryParse(string? text, out T? value, out string? error)
    {
        if (text is null)
        {
            (value, error) = (default, $"no {Family} text");
            return false;
        }

        try
        {
            (value, error) = (Parse(text), null);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            (value, error) = (default, e.Message);
            return false;
        }
    }
}
