namespace LineCrm.Segmentation.Metrics;

/// <summary>The result of a <see cref="Funnel{TEvent}"/>: the steps, the total, and the breakdown.</summary>
/// <param name="Steps">The step names, in order.</param>
/// <param name="Total">Everyone.</param>
/// <param name="Groups">One result per breakdown value (taken from the person's first-step event), ordered by key; empty without a breakdown.</param>
public sealed record FunnelReport(IReadOnlyList<string> Steps, FunnelResult Total, IReadOnlyList<KeyValuePair<string, FunnelResult>> Groups);
