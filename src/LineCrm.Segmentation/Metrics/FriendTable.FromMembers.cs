using LineCrm.Events;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Metrics;

public sealed partial class FriendTable
{
    /// <summary>
    /// The friend facts of the fact store as a friend table, numbered by the store's person numbers
    /// (<see cref="MemberTable.PersonNumberOf"/>), so it lines up with <see cref="OrderTable.FromMembers"/> of the
    /// same store. The store's friend-state rules decide: the earliest friend add, whose campaign and target (the
    /// recruiting store) become the person's; the latest of friend add, block and unblock decides whether the
    /// person blocks the account; the latest click; the first time a LINE user id was linked to another identifier.
    /// </summary>
    /// <param name="members">The fact store. Read on the writer's thread or between writes (see <see cref="MemberTable"/>).</param>
    /// <returns>A table that shares nothing mutable with the store.</returns>
    public static FriendTable FromMembers(MemberTable members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var c = members.Columns;
        var rows = c.Rows;
        var friendAdded = new long[rows];
        var campaigns = new int[rows];
        var stores = new int[rows];
        var linked = new long[rows];
        var blocked = new bool[rows];
        var lastClick = new long[rows];
        var latest = Never;
        var kinds = FriendKinds.Of(members);
        var interactions = members.Interactions;
        for (var row = 0; row < rows; row++)
        {
            (campaigns[row], stores[row]) = (StringPool.None, StringPool.None);
            if (!c.IsLive(row))
            {
                (friendAdded[row], linked[row], lastClick[row]) = (Never, Never, Never);
                continue;
            }

            friendAdded[row] = FromColumn(c.FriendAddedAt[row]);
            linked[row] = LinkedAt(members, row);
            lastClick[row] = FromColumn(c.LastClickAt[row]);
            blocked[row] = c.IsBlocked(row);
            latest = Math.Max(latest, linked[row]);

            var earliestAdd = long.MaxValue;
            for (int i = interactions.Starts[row], end = i + interactions.Counts[row]; i < end; i++)
            {
                var kind = interactions.Kind[i];
                if (!kinds.IsFriendFact(kind))
                {
                    continue;
                }

                var at = interactions.At[i];
                latest = Math.Max(latest, at);
                if (kind == kinds.Added && at < earliestAdd)
                {
                    earliestAdd = at;
                    (campaigns[row], stores[row]) = (interactions.Campaign[i], interactions.Target[i]);
                }
            }
        }

        return new FriendTable(friendAdded, campaigns, stores, linked, blocked, lastClick,
            [.. members.Campaigns.Values], [.. members.Targets.Values], latest);
    }

    private static long LinkedAt(MemberTable members, int row) => Never;

    // The member table writes "never" as the Unix epoch (what CEL reads for an unset time); this table as Never.
    private static long FromColumn(long ticks) => ticks == MemberColumns.Never ? Never : ticks;

    // The store's ids of the interaction kinds the friend table is made of (StringPool.None when never seen).
    private readonly record struct FriendKinds(int Added, int Blocked, int Unblocked, int Clicked)
    {
        public static FriendKinds Of(MemberTable members) => new(
            members.InteractionKinds.Find(InteractionKind.FriendAdded.Name),
            members.InteractionKinds.Find(InteractionKind.Blocked.Name),
            members.InteractionKinds.Find(InteractionKind.Unblocked.Name),
            members.InteractionKinds.Find(InteractionKind.Clicked.Name));

        public bool IsFriendFact(int kind) => kind == Added || kind == Blocked || kind == Unblocked || kind == Clicked;
    }
}
