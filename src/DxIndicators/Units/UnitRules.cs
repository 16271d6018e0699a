namespace DxIndicators.Units;

/// <summary>The stable rule names of unit registry problems (<c>DataProblem.Rule</c>), beside the general
/// <c>DataRules</c> (<c>missing-field</c>, <c>bad-date</c>, <c>bad-header</c>, <c>extra-fields</c>, <c>malformed</c>).</summary>
public static class UnitRules
{
    /// <summary>A level is not nation, province, district or commune.</summary>
    public const string UnknownLevel = "unknown-level";

    /// <summary>A kind is not one of the <see cref="UnitKind"/> names.</summary>
    public const string UnknownKind = "unknown-kind";

    /// <summary>An id is not <c>code@vintage</c> (or the bare code when there is no vintage).</summary>
    public const string BadId = "bad-id";

    /// <summary>The last valid day is before the first.</summary>
    public const string InvertedValidity = "valid-to-before-valid-from";

    /// <summary>A unit breaks another rule of <see cref="AdministrativeUnit"/> (a code or vintage containing '@').</summary>
    public const string InvalidUnit = "invalid-unit";

    /// <summary>Two units have the same id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>One code is valid for two units on the same day.</summary>
    public const string CodeOverlap = "code-overlap";

    /// <summary>A parent id names no unit of the registry.</summary>
    public const string UnknownParent = "unknown-parent";

    /// <summary>Following parents from a unit leads back to it (a unit is its own ancestor).</summary>
    public const string ParentCycle = "parent-cycle";

    /// <summary>A lineage link names a predecessor or successor that is not in the registry.</summary>
    public const string UnknownLinkUnit = "unknown-succession-unit";

    /// <summary>A lineage link's effective date is not the day after the predecessor's last day, or the successor is
    /// not valid on it.</summary>
    public const string BadLinkDate = "bad-succession-date";
}
