using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>What one link did.</summary>
/// <param name="Outcome">Joined, merged, already joined or refused.</param>
/// <param name="Person">The person both identifiers now belong to (the surviving one after a merge); default when refused.</param>
/// <param name="Absorbed">After a merge, the person that ceased to exist (its identifiers are now <paramref name="Person"/>'s); otherwise default.</param>
/// <param name="Refusal">When refused, the audit entry; otherwise null.</param>
public readonly record struct LinkResult(LinkOutcome Outcome, PersonId Person, PersonId Absorbed, IdentityRefusal? Refusal);
