using LineCrm.Identity;

namespace LineCrm.Segmentation.Members;

/// <remarks>This part: whether a person can be messaged on LINE, for campaigns.</remarks>
public sealed partial class MemberTable
{
    /// <summary>
    /// Whether <paramref name="person"/> can be sent a LINE message, from the columns alone (no facts are copied):
    /// their LINE user id, whether they are a friend, whether they block the account. A plain read: on the writer's
    /// thread or between writes.
    /// </summary>
    /// <param name="person">The person.</param>
    /// <returns>The person's reach; no LINE user and not a friend when the table does not hold the person.</returns>
    public LineReach LineReachOf(PersonId person)
    {
        var row = RowOf(person);
        return row < 0
            ? default
            : new LineReach(LineUserOf(row), Columns.FriendAddedAt[row] != MemberColumns.Never, Columns.IsBlocked(row));
    }
}
