using LineCrm.Events;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Metrics;

public sealed partial class FriendTable
{
    /// <summary>
    /// The friend facts of the fact store as a friend table, numbered by the store's person numbers
    /// (<see cref="MemberTable.PersonNumberOf"/>), so it lines up with <see cref="OrderTable.FromMembers(MemberTable, string?)"/> of the
    /// same store. The store's friend-state rules decide: the earliest friend add, whose campaign and target (the
    /// recruiting store) become the person's; the latest of friend add, block and unblock decides whether the
    /// person blocks the account; the latest click; the first time a LINE user id was linked to another identifier.
    /// </summary>
    /// <param name="members">The fact store. Read on the writer's thread or between writes (see <see cref="MemberTable"/>).</param>
    /// <returns>A table that shares nothing mutable with the store.</returns>
    public static FriendTable FromMembers(MemberTable members) => FromMembers(members, null, CancellationToken.None);

    /// <summary>
    /// The friend facts of the fact store as a friend table (see <see cref="FromMembers(MemberTable)"/>), its pass
    /// over the persons run as <paramref name="options"/> allows.
    /// </summary>
    /// <param name="members">The fact store. Read on the writer's thread or between writes (see <see cref="MemberTable"/>).</param>
    /// <param name="options">The degree of parallelism; every core when null.</param>
    /// <param name="cancellationToken">Checked between chunks of persons.</param>
    /// <returns>A table that shares nothing mutable with the store.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ComputeOptions.MaxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static FriendTable FromMembers(MemberTable members, ComputeOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        var parallelism = Parallelism.From(options, cancellationToken);
        parallelism.ThrowIfCancellationRequested();
        var rows = members.Columns.Rows;
        var to = new FriendColumns(new long[rows], new int[rows], new int[rows], new long[rows], new bool[rows], new long[rows]);
        var chunks = RowChunks.For(rows, parallelism);
        var latest = new long[chunks.Count];
        var kinds = FriendKinds.Of(members);
        chunks.Run(c => latest[c] = Fill(members, kinds, chunks.From(c), chunks.To(c), to));
        return new FriendTable(to.FriendAdded, to.Campaigns, to.Stores, to.Linked, to.Blocked, to.LastClick,
            [.. members.Campaigns.Values], [.. members.Targets.Values], latest.Length == 0 ? Never : latest.Max());
    }

    private sealed record FriendColumns(long[] FriendAdded, int[] Campaigns, int[] Stores, long[] Linked, bool[] Blocked, long[] LastClick);

    // Fills the rows of one chunk and returns the latest friend fact among them.
    private static long Fill(MemberTable members, FriendKinds kinds, int fromRow, int toRow, FriendColumns to)
    {
        var c = members.Columns;
        var interactions = members.Interactions;
        var latest = Never;
        for (var row = fromRow; row < toRow; row++)
        {
            (to.Campaigns[row], to.Stores[row]) = (StringPool.None, StringPool.None);
            if (!c.IsLive(row))
            {
                (to.FriendAdded[row], to.Linked[row], to.LastClick[row]) = (Never, Never, Never);
                continue;
            }

            to.FriendAdded[row] = FromColumn(c.FriendAddedAt[row]);
            to.Linked[row] = FromColumn(c.LinkedAt[row]);
            to.LastClick[row] = FromColumn(c.LastClickAt[row]);
            to.Blocked[row] = c.IsBlocked(row);
            latest = Math.Max(latest, to.Linked[row]);

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
                    (to.Campaigns[row], to.Stores[row]) = (interactions.Campaign[i], interactions.Target[i]);
                }
            }
        }

        return latest;
    }

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
