using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// Step 4: example segments, written in CEL against the member schema (docs/segments.md), each compiled once and
/// evaluated over the member table at the input's "as of" time, so the same input gives the same members.
/// </summary>
internal static class SegmentStep
{
    /// <summary>How many LINE user ids of each segment the reports show.</summary>
    public const int ExampleCount = 3;

    /// <summary>The example segments, in report order.</summary>
    public static IReadOnlyList<SegmentDefinition> Examples { get; } =
    [
        new("active-store-repeaters",
            "Reachable friends who clicked within a year and bought twice or more in the last year, once or more in a store",
            """!blocked && lastClickAt > now - days(365) && purchases.filter(p, p.at > now - days(365)).size() >= 2 && purchases.exists(p, p.channel == "store")""",
            NeedsLineFacts: true),
        new("linked-never-bought",
            "Reachable friends who linked a web membership but never bought",
            """!blocked && "line" in linked && "web" in linked && purchases.size() == 0""",
            NeedsLineFacts: true),
        new("lapsed-customers",
            "Customers who bought before but not in the last 180 days",
            "purchases.size() > 0 && lastPurchaseAt < now - days(180)",
            NeedsLineFacts: false),
    ];

    /// <summary>
    /// Evaluates the examples. Without LINE data (an order file), segments that read LINE facts (<c>blocked</c>,
    /// <c>lastClickAt</c>, linked types) would only say "nobody", so they are reported as not evaluated, with why.
    /// </summary>
    public static IReadOnlyList<SegmentOutcome> Evaluate(MemberTable table, DateTimeOffset now, bool hasLineData)
    {
        var outcomes = new List<SegmentOutcome>(Examples.Count);
        foreach (var definition in Examples)
        {
            if (definition.NeedsLineFacts && !hasLineData)
            {
                outcomes.Add(new SegmentOutcome(definition, null, 0, [],
                    "not evaluated: needs LINE facts (friend state, clicks, linked accounts), and the input has no LINE data"));
                continue;
            }

            var segment = Segment.Compile(definition.Expression);
            var result = segment.Evaluate(table, now);
            var lineUsers = result.Members.LineUserIds.ToList();
            var note = result.Failed.Count > 0 ? $"{result.Failed.Count:N0} persons could not be evaluated (a CEL error)" : null;
            outcomes.Add(new SegmentOutcome(definition, result.Members.Count, lineUsers.Count,
                [.. lineUsers.Take(ExampleCount).Select(l => l.Value)], note));
        }

        return outcomes;
    }
}

/// <summary>A segment: an id, a description, its CEL expression, and whether it reads LINE facts.</summary>
internal sealed record SegmentDefinition(string Id, string Description, string Expression, bool NeedsLineFacts);

/// <summary>
/// A segment's members (null when not evaluated, with the reason in <see cref="Note"/>), how many of them have a
/// LINE user id (the audience LINE can reach), and the first few of those ids in member-table order.
/// </summary>
internal sealed record SegmentOutcome(SegmentDefinition Segment, int? Members, int WithLineUserId, IReadOnlyList<string> ExampleLineUserIds, string? Note);
