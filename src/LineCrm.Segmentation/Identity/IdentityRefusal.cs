using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// One entry of the audit log: a link (or a lone identifier) the graph refused, the rule that refused it and the
/// identifiers involved, so a person can read why two records were not joined.
/// </summary>
/// <param name="Rule">The rule that refused it.</param>
/// <param name="Reason">A sentence naming the rule, the limit and the values.</param>
/// <param name="Link">The refused link, or null when a lone identifier was refused (<see cref="IdentityGraph.TryAddIdentifier"/>).</param>
/// <param name="Identifiers">
/// The identifiers the rule is about: the blocked identifier; the identifiers of the over-limit type on both sides;
/// or the two ends of the link for the hub guard.
/// </param>
/// <param name="RefusedAt">When the graph refused it (from its <see cref="TimeProvider"/>).</param>
public sealed record IdentityRefusal(
    IdentityRuleKind Rule,
    string Reason,
    IdentityLink? Link,
    IReadOnlyList<Identifier> Identifiers,
    DateTimeOffset RefusedAt);
