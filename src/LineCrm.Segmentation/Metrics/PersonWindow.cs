using LineCrm.Identity;

namespace LineCrm.Segmentation.Metrics;

/// <summary>A span of one person's time to look at: from an instant (included) up to another (not included).</summary>
/// <param name="Person">The person.</param>
/// <param name="From">The start, included: a message's send time, say.</param>
/// <param name="To">The end, not included: the send time plus the conversion window.</param>
public readonly record struct PersonWindow(PersonId Person, DateTimeOffset From, DateTimeOffset To);
