using LineCrm.Identity;

namespace LineCrm.Segmentation.Members;

/// <remarks>This part: forgetting a person, for privacy requests.</remarks>
public sealed partial class MemberTable
{
    /// <summary>
    /// Removes every fact of <paramref name="person"/>: purchases (with their campaigns), interactions, tags,
    /// attributes, friend state, linked types, link time, LINE user id and custom facts. The person leaves the table, and the next <see cref="Save"/> writes nothing of
    /// them (their attribute values included). A later event for one of the person's identifiers starts them
    /// afresh, so forget them in the identity graph too (<c>IdentityGraph.Forget</c>), which removes their
    /// identifiers.
    /// </summary>
    /// <remarks>
    /// Shared vocabularies keep what the person brought: a currency, channel, store, category, campaign or link
    /// target they were the first to use stays known to the table (as a name, tied to nobody).
    /// </remarks>
    /// <param name="person">The person.</param>
    /// <returns>Whether the table held the person.</returns>
    public bool Forget(PersonId person)
    {
        CheckPerson(person, nameof(person));
        if (!_rowOfPerson.ContainsKey(person.Value))
        {
            return false;
        }

        using var write = BeginWrite();
        _rowOfPerson.Remove(person.Value, out var row);
        Purchases.Clear(row);
        Interactions.Clear(row);
        Tags.Clear(row);
        Attributes.Clear(row);
        Custom.ClearRow(row);
        Columns.Clear(row);
        Columns.Retire(row);
        return true;
    }
}
