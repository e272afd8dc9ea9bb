using LineCrm.Identity;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// The simplest resolver: every distinct identifier is a person of its own, numbered in the order first seen
/// (P1, P2, ...). Right for data keyed by one identifier type (LINE user ids only, say); with several types, use
/// the identity graph so that a LINE user id and a store card of one customer become one member.
/// </summary>
/// <remarks>Not thread-safe; the member table calls it from its (single) writer.</remarks>
public sealed partial class IdentifierKeyedPersonResolver : IPersonResolver
{
    private readonly Dictionary<Identifier, PersonId> _persons = [];

    /// <summary>How many persons (distinct identifiers) have been handed out.</summary>
    public int Count => _persons.Count;

    /// <inheritdoc />
    public PersonId Resolve(Identifier identifier)
    {
        if (identifier.IsDefault)
        {
            throw new ArgumentException("Cannot resolve default(Identifier) to a person.", nameof(identifier));
        }

        if (!_persons.TryGetValue(identifier, out var person))
        {
            person = new PersonId(_persons.Count + 1);
            _persons.Add(identifier, person);
        }

        return person;
    }
}
