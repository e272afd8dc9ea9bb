namespace LineCrm.Segmentation.Identity;

/// <summary>The totals of one batch of links (<see cref="IdentityGraph.AddLinks(IEnumerable{Events.IdentityLink})"/>).</summary>
/// <param name="Joined">Links that added a new identifier to a person (or made a person of two new ones).</param>
/// <param name="Merged">Links that merged two existing persons; each was reported through <see cref="IdentityGraph.PersonsMerged"/>.</param>
/// <param name="AlreadyJoined">Links between identifiers of one person already.</param>
/// <param name="Refused">Links a rule refused; each is in <see cref="IdentityGraph.AuditLog"/>.</param>
public sealed record LinkBatchResult(int Joined, int Merged, int AlreadyJoined, int Refused);
