using LineCrm.Identity;

namespace LineCrm.Segmentation.Members;

/// <remarks>This part: the store's person numbers, which the metrics' tables are indexed by.</remarks>
public sealed partial class MemberTable
{
    /// <summary>
    /// How many person numbers the table has given out: every number in the metrics' tables taken from this
    /// store (<c>OrderTable.FromMembers</c>, <c>FriendTable.FromMembers</c>) is below it. Numbers of persons merged
    /// away or forgotten are not reused and hold no facts.
    /// </summary>
    public int PersonNumberCount => Columns.Rows;

    /// <summary>
    /// The person number of <paramref name="person"/>: the dense number, fixed for the table's life, that the
    /// metrics' tables taken from this store index their columns by. <see cref="Save"/> writes the live persons
    /// only, in number order, so a loaded table numbers them afresh; compare across tables by <see cref="PersonId"/>.
    /// </summary>
    /// <param name="person">The person.</param>
    /// <returns>The number, or -1 when the table does not hold the person.</returns>
    public int PersonNumberOf(PersonId person) => RowOf(person);

    /// <summary>The person who holds <paramref name="number"/>, if the number is still a person's.</summary>
    /// <param name="number">A person number below <see cref="PersonNumberCount"/>.</param>
    /// <param name="person">The person, when the number is live.</param>
    /// <returns>False when the number is out of range or its person was merged away or forgotten.</returns>
    public bool TryGetPerson(int number, out PersonId person)
    {
        if ((uint)number < (uint)Columns.Rows && Columns.IsLive(number))
        {
            person = new PersonId(Columns.PersonIds[number]);
            return true;
        }

        person = default;
        return false;
    }
}
