namespace LineCrm.Segmentation.Members;

/// <summary>
/// The one-value-per-person columns of the member table, indexed by row. Rows are only ever appended: a row
/// keeps its index for the table's life, so member sets from different evaluations compare bit by bit.
/// Times are UTC ticks, with <see cref="Never"/> for "never".
/// </summary>
internal sealed class MemberColumns
{
    /// <summary>
    /// "Never" in a time column: the Unix epoch, which is what an unset protobuf timestamp reads as in CEL. It keeps
    /// <c>now - lastClickAt</c> a valid duration (CEL durations span about 292 years), and every "since" test false.
    /// </summary>
    public static readonly long Never = DateTime.UnixEpoch.Ticks;

    private long[] _personIds = [];
    private long[] _friendAddedAt = [];
    private long[] _friendStateAt = [];
    private long[] _lastClickAt = [];
    private int[] _linkedTypes = [];
    private string?[] _lineUserIds = [];
    private double[] _totalSpend = [];
    private long[] _firstPurchaseAt = [];
    private long[] _lastPurchaseAt = [];
    private long[] _linkedAt = [];
    private ulong[] _live = [];
    private ulong[] _blocked = [];

    /// <summary>How many rows exist, live or merged away.</summary>
    public int Rows { get; private set; }

    public long[] PersonIds => _personIds;

    /// <summary>When the person first added the LINE account as a friend; <see cref="Never"/> when never seen.</summary>
    public long[] FriendAddedAt => _friendAddedAt;

    /// <summary>The time of the friend-state event (added, blocked, unblocked) that set <see cref="Blocked"/>.</summary>
    public long[] FriendStateAt => _friendStateAt;

    public long[] LastClickAt => _lastClickAt;

    /// <summary>A bit per identifier type seen for the person (bit numbers from <see cref="MemberTable"/>'s type pool).</summary>
    public int[] LinkedTypes => _linkedTypes;

    public string?[] LineUserIds => _lineUserIds;

    public double[] TotalSpend => _totalSpend;

    public long[] FirstPurchaseAt => _firstPurchaseAt;

    public long[] LastPurchaseAt => _lastPurchaseAt;

    /// <summary>
    /// When the person first linked: the earliest identity link that joined a LINE user id to an identifier of
    /// another type; <see cref="Never"/> when none did.
    /// </summary>
    public long[] LinkedAt => _linkedAt;

    /// <summary>One bit per row: set while the row holds a person, cleared when it was merged into another.</summary>
    public ulong[] Live => _live;

    /// <summary>One bit per row: whether the person currently blocks the LINE account.</summary>
    public ulong[] Blocked => _blocked;

    /// <summary>Adds a row for <paramref name="personId"/> and returns its index.</summary>
    public int AddRow(long personId)
    {
        var row = Rows;
        if (row == _personIds.Length)
        {
            Grow(Math.Max(16, row * 2));
        }

        Rows = row + 1;
        _personIds[row] = personId;
        _friendAddedAt[row] = Never;
        _friendStateAt[row] = long.MinValue;
        _lastClickAt[row] = Never;
        _firstPurchaseAt[row] = Never;
        _lastPurchaseAt[row] = Never;
        _linkedAt[row] = Never;
        Bits.Set(ref _live, row, true);
        return row;
    }

    /// <summary>Replaces an empty table's columns with loaded ones, every row live (each array one per row).</summary>
    public void Load(long[] personIds, long[] friendAddedAt, long[] friendStateAt, long[] lastClickAt, int[] linkedTypes,
        string?[] lineUserIds, double[] totalSpend, long[] firstPurchaseAt, long[] lastPurchaseAt, long[] linkedAt, ulong[] blocked)
    {
        if (Rows != 0)
        {
            throw new InvalidOperationException("Only an empty table can be loaded.");
        }

        (_personIds, _friendAddedAt, _friendStateAt, _lastClickAt, _linkedTypes, _lineUserIds, _totalSpend, _firstPurchaseAt, _lastPurchaseAt, _linkedAt, _blocked) =
            (personIds, friendAddedAt, friendStateAt, lastClickAt, linkedTypes, lineUserIds, totalSpend, firstPurchaseAt, lastPurchaseAt, linkedAt, blocked);
        Rows = personIds.Length;
        _live = new ulong[Bits.WordsFor(Rows)];
        for (var row = 0; row < Rows; row++)
        {
            _live[row >> 6] |= 1UL << (row & 63);
        }
    }

    /// <summary>Clears a row's values back to those of a person never seen (a person forgotten).</summary>
    public void Clear(int row)
    {
        _friendAddedAt[row] = Never;
        _friendStateAt[row] = long.MinValue;
        _lastClickAt[row] = Never;
        _linkedTypes[row] = 0;
        _lineUserIds[row] = null;
        _totalSpend[row] = 0;
        _firstPurchaseAt[row] = Never;
        _lastPurchaseAt[row] = Never;
        _linkedAt[row] = Never;
        SetBlocked(row, false);
    }

    /// <summary>Marks a row as no longer holding a person (it was merged into another).</summary>
    public void Retire(int row) => Bits.Set(ref _live, row, false);

    public bool IsLive(int row) => Bits.Get(_live, row);

    public bool IsBlocked(int row) => Bits.Get(_blocked, row);

    public void SetBlocked(int row, bool blocked) => Bits.Set(ref _blocked, row, blocked);

    private void Grow(int size)
    {
        Array.Resize(ref _personIds, size);
        Array.Resize(ref _friendAddedAt, size);
        Array.Resize(ref _friendStateAt, size);
        Array.Resize(ref _lastClickAt, size);
        Array.Resize(ref _linkedTypes, size);
        Array.Resize(ref _lineUserIds, size);
        Array.Resize(ref _totalSpend, size);
        Array.Resize(ref _firstPurchaseAt, size);
        Array.Resize(ref _lastPurchaseAt, size);
        Array.Resize(ref _linkedAt, size);
        Array.Resize(ref _live, Bits.WordsFor(size));
        Array.Resize(ref _blocked, Bits.WordsFor(size));
    }
}
