namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// Step 4: example segments, written in CEL over the member table. Evaluating them needs
/// LineCrm.Segmentation.Segments (issue 8), which is not on main yet: until it is, this step lists the
/// definitions and reports them as not evaluated rather than inventing counts.
/// </summary>
internal static class SegmentStep
{
    /// <summary>The example segments the job will evaluate once segments exist.</summary>
    public static IReadOnlyList<SegmentDefinition> Examples { get; } =
    [
        new("linked-never-bought", "Linked members who never bought", "member.is_linked && member.purchase_days == 0"),
        new("lapsed-repeaters", "Repeat customers silent for 120 days", "member.purchase_days >= 2 && member.days_since_last_purchase > 120"),
        new("store-recruited-clickers", "Store-recruited friends who clicked in the last 30 days", "member.recruited_store != '' && member.days_since_last_click <= 30"),
    ];

    public static IReadOnlyList<SegmentResult> Evaluate()
        => [.. Examples.Select(s => new SegmentResult(s, null, "not evaluated: CEL segments (issue 8) are not available yet"))];
}

/// <summary>A segment: an id, a description, and its CEL expression.</summary>
internal sealed record SegmentDefinition(string Id, string Description, string Expression);

/// <summary>A segment's size, or null with the reason it has none.</summary>
internal sealed record SegmentResult(SegmentDefinition Segment, int? Persons, string? Note);
