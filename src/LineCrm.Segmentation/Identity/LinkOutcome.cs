namespace LineCrm.Segmentation.Identity;

/// <summary>What one link did to the graph.</summary>
public enum LinkOutcome
{
    /// <summary>One or both identifiers were new and joined a person (a new one when both were new); no person was absorbed.</summary>
    Joined = 1,

    /// <summary>Two existing persons became one; see <see cref="LinkResult.Absorbed"/>.</summary>
    Merged = 2,

    /// <summary>Both identifiers already belonged to the same person; the link was recorded as more evidence.</summary>
    AlreadyJoined = 3,

    /// <summary>A rule refused the link; nothing changed except the audit log.</summary>
    Refused = 4,
}
