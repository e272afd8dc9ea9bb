namespace LineCrm.Segmentation.Identity;

/// <summary>
/// The rules for the identifiers of one type: how many one person may have, and which values are never
/// accepted (placeholders such as <c>null</c>, <c>unknown</c>, <c>-1</c> or all zeros that POS and web systems
/// write when they do not know, and that would otherwise join thousands of strangers into one person).
/// </summary>
public sealed record IdentifierTypeRule
{
    /// <summary>The most identifiers of this type one person may have (1 to 255), or null for no limit.</summary>
    public int? MaxPerPerson { get; init; }

    /// <summary>Values that are refused, compared ordinally ignoring case (<c>NULL</c> is <c>null</c>).</summary>
    public IReadOnlyCollection<string> BlockedValues { get; init; } = [];

    /// <summary>
    /// Regular expressions (.NET syntax, matched against the whole normalised value, culture-invariant and
    /// without backtracking) whose matches are refused, for example <c>0+</c> for all-zero values.
    /// </summary>
    public IReadOnlyList<string> BlockedPatterns { get; init; } = [];
}
