namespace LineCrm.Segmentation.Segments;

/// <summary>How one <see cref="PersonSet"/> differs from an earlier one.</summary>
/// <param name="Added">Persons in the newer set only.</param>
/// <param name="Removed">Persons in the earlier set only.</param>
public sealed record PersonSetDiff(PersonSet Added, PersonSet Removed)
{
    /// <summary>Whether the two sets hold the same persons.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}
