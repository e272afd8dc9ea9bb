namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// What is known of each person as a LINE friend, in columns indexed by the dense person number shared with
/// the <see cref="OrderTable"/>: when they added the account (and through which campaign and store), when they
/// linked a member id, whether they block the account now, and when they last clicked. Build it with
/// <see cref="FriendTableBuilder"/>.
/// </summary>
public sealed partial class FriendTable
{
    /// <summary>The value of a time column for "never".</summary>
    public const long Never = long.MinValue;

    internal FriendTable(long[] friendAdded, int[] campaigns, int[] stores, long[] linked, bool[] blocked, long[] lastClick,
        IReadOnlyList<string> campaignNames, IReadOnlyList<string> storeNames, long latestEventUtcTicks)
    {
        FriendAddedColumn = friendAdded;
        CampaignColumn = campaigns;
        StoreColumn = stores;
        LinkedColumn = linked;
        BlockedColumn = blocked;
        LastClickColumn = lastClick;
        CampaignNames = campaignNames;
        StoreNames = storeNames;
        LatestEventUtcTicks = latestEventUtcTicks;
    }

    /// <summary>The number of persons (the length of every column).</summary>
    public int PersonCount => FriendAddedColumn.Length;

    /// <summary>When each person first added the account (UTC ticks), or <see cref="Never"/>.</summary>
    public ReadOnlySpan<long> FriendAdded => FriendAddedColumn;

    /// <summary>The campaign each person was recruited by (code into <see cref="CampaignNames"/>, or -1).</summary>
    public ReadOnlySpan<int> Campaigns => CampaignColumn;

    /// <summary>The store each person was recruited at (code into <see cref="StoreNames"/>, or -1).</summary>
    public ReadOnlySpan<int> Stores => StoreColumn;

    /// <summary>When each person first linked a member id (UTC ticks), or <see cref="Never"/>.</summary>
    public ReadOnlySpan<long> Linked => LinkedColumn;

    /// <summary>Whether each person blocks the account: whether the latest of their friend-add, block and unblock events was a block.</summary>
    public ReadOnlySpan<bool> Blocked => BlockedColumn;

    /// <summary>When each person last clicked (UTC ticks), or <see cref="Never"/>.</summary>
    public ReadOnlySpan<long> LastClick => LastClickColumn;

    /// <summary>Campaign names by code.</summary>
    public IReadOnlyList<string> CampaignNames { get; }

    /// <summary>Store names by code.</summary>
    public IReadOnlyList<string> StoreNames { get; }

    /// <summary>The latest event the table was built from (UTC ticks), or <see cref="Never"/> when empty.</summary>
    public long LatestEventUtcTicks { get; }

    internal long[] FriendAddedColumn { get; }

    internal int[] CampaignColumn { get; }

    internal int[] StoreColumn { get; }

    internal long[] LinkedColumn { get; }

    internal bool[] BlockedColumn { get; }

    internal long[] LastClickColumn { get; }
}
