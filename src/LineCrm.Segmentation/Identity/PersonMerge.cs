using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Two persons became one: every identifier of <paramref name="Absorbed"/> now resolves to
/// <paramref name="Surviving"/>, the older of the two (the smaller number), and <paramref name="Absorbed"/> no longer
/// exists. Stores of per-person facts move the absorbed person's facts to the surviving one.
/// </summary>
/// <param name="Absorbed">The person that ceased to exist.</param>
/// <param name="Surviving">The person that now holds both persons' identifiers.</param>
/// <param name="Link">The link that joined them.</param>
public sealed record PersonMerge(PersonId Absorbed, PersonId Surviving, IdentityLink Link);
