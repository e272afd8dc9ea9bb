using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <remarks>This part: forgetting a person, for privacy requests.</remarks>
public sealed partial class IdentityGraph
{
    /// <summary>
    /// Removes every identifier of <paramref name="person"/> with all their links, so the person no longer exists
    /// and none of their identifiers resolves. Unlike removing the identifiers one by one with
    /// <see cref="RemoveIdentifier"/>, the person does not fall apart on the way: no <see cref="PersonsSplit"/> is
    /// raised. Forget the person in the stores that follow the graph too (<c>MemberTable.Forget</c>).
    /// </summary>
    /// <remarks>
    /// Refusals in the <see cref="AuditLog"/> that name one of the identifiers (as a refused identifier or an end of
    /// a refused link) are removed too, so the graph keeps nothing of the person; the other refusals stay in order.
    /// </remarks>
    /// <param name="person">The person.</param>
    /// <returns>The identifiers removed; empty when the graph does not hold the person.</returns>
    public IReadOnlyList<Identifier> Forget(PersonId person)
    {
        if (person.IsDefault || !Exists(person))
        {
            return [];
        }

        var identifiers = GetIdentifiers(person);
        var state = _state;
        foreach (var identifier in identifiers)
        {
            // Each removal recomputes what is left of the person; the last one leaves nothing.
            var node = state.FindNode(identifier);
            if (node >= 0)
            {
                state.RemoveNode(node);
            }
        }

        var forgotten = identifiers.ToHashSet();
        state.Audit.RemoveWhere(refusal =>
            refusal.Identifiers.Any(forgotten.Contains)
            || (refusal.Link is { } link && (forgotten.Contains(link.From) || forgotten.Contains(link.To))));
        _recorder?.Forget(person);
        return identifiers;
    }
}
