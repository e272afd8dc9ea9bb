using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// The result of removing a link or an identifier: the person it belonged to was recomputed and is now
/// <see cref="Persons"/>. When the person fell apart, the part holding its oldest remaining identifier keeps
/// <see cref="Original"/> and every other part is a new person; when its last identifier was removed,
/// <see cref="Persons"/> is empty.
/// </summary>
/// <param name="Original">The person that was recomputed.</param>
/// <param name="Persons">The persons it became: <see cref="Original"/> first when it still exists, then new persons in the order of their oldest identifiers.</param>
public sealed record PersonSplit(PersonId Original, IReadOnlyList<PersonId> Persons)
{
    /// <summary>Whether the person fell apart into more than one, or disappeared.</summary>
    public bool Changed => Persons.Count != 1;
}
