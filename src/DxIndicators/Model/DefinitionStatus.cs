namespace DxIndicators.Model;

/// <summary>How firmly a part of a definition (a node, an indicator, a target) rests on its published source.</summary>
public enum DefinitionStatus
{
    /// <summary>Stated in the cited public source (the default).</summary>
    Confirmed,

    /// <summary>Not (fully) public: modelled from what is public and to be replaced when the rule is published; the
    /// part carries a <c>statusNote</c> saying what is missing and where the model comes from.</summary>
    Provisional,
}
