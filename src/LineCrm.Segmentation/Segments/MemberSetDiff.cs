namespace LineCrm.Segmentation.Segments;

/// <summary>How a segment's members changed between two evaluations: who joined and who left.</summary>
/// <param name="Added">Persons in the newer set and not in the older one.</param>
/// <param name="Removed">Persons in the older set and not in the newer one.</param>
public sealed record MemberSetDiff(MemberSet Added, MemberSet Removed)
{
    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}
