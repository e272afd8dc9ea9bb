using LineCrm.Segmentation.Expressions.Compilation;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// What compiled segment code reads: the member table's arrays (captured once per evaluation, since appends may
/// replace them), the ids of the segment's string constants in the table's pools, and the values of its
/// member-independent parts (<c>now - days(365)</c>) computed once. Fields, not properties, so compiled code
/// reads them with one load.
/// </summary>
internal sealed class EvaluationFrame(MemberTable table, SegmentSlots slots, Func<MemberTable, bool>? needsIterationCap = null)
{
#pragma warning disable CA1051, SA1401 // Compiled expression trees read these fields directly.
    public readonly MemberTable Table = table;
    public ulong[] Blocked = [];
    public long[] FriendAddedAt = [];
    public long[] LastClickAt = [];
    public long[] FirstPurchaseAt = [];
    public long[] LastPurchaseAt = [];
    public double[] TotalSpend = [];
    public int[] LinkedTypes = [];
    public int[] PurchaseStarts = [];
    public int[] PurchaseCounts = [];
    public long[] PurchaseAt = [];
    public double[] PurchaseAmount = [];
    public int[] PurchaseCurrency = [];
    public int[] PurchaseChannel = [];
    public int[] PurchaseStore = [];
    public int[] CategoryStart = [];
    public int[] CategoryCount = [];
    public int[] CategoryIds = [];
    public int[] InteractionStarts = [];
    public int[] InteractionCounts = [];
    public long[] InteractionAt = [];
    public int[] InteractionKind = [];
    public int[] InteractionCampaign = [];
    public int[] InteractionTarget = [];
    public ulong[][] Tags = new ulong[slots.Tags.Count][];
    public int[][] Attributes = new int[slots.AttributeKeys.Count][];
    public int[] StringIds = new int[slots.Strings.Count];
    public int[] TypeMasks = new int[slots.IdentifierTypes.Count];
    public long Now;
    public long[] Longs = new long[slots.Invariants.Count];
    public double[] Doubles = new double[slots.Invariants.Count];
    public bool[] Bools = new bool[slots.Invariants.Count];
    public string[] Strings = new string[slots.Invariants.Count];
#pragma warning restore CA1051, SA1401

    private long _boundVersion = -1;
    private long _boundNow;

    /// <summary>Whether this table's worst person can go past the iteration cap, so the counting code must run (decided at each table bind).</summary>
    public bool NeedsIterationCap { get; private set; }

    /// <summary>The first error of a member-independent part, when one failed for this <c>now</c>; compiled code is then not used.</summary>
    public CelRuntimeError? InvariantError { get; private set; }

    /// <summary>Refreshes what changed since the last bind: arrays and string ids when the table changed, the member-independent values when <c>now</c> did.</summary>
    public void Bind(long now)
    {
        var tableChanged = _boundVersion != Table.Version;
        if (tableChanged)
        {
            // Forget the bound `now` first: IsBoundTo must not answer true while the arrays are being replaced.
            Volatile.Write(ref _boundNow, long.MinValue);
            BindTable();
            NeedsIterationCap = needsIterationCap?.Invoke(Table) ?? false;
            Volatile.Write(ref _boundVersion, Table.Version);
        }

        if (tableChanged || _boundNow != now || Now != now)
        {
            Volatile.Write(ref _boundNow, long.MinValue);
            Now = now;
            BindInvariants();
            Volatile.Write(ref _boundNow, now);
        }
    }

    /// <summary>Whether the frame is bound to the table as it is and to <paramref name="now"/>: no <see cref="Bind"/> needed (read without a lock).</summary>
    public bool IsBoundTo(long now) =>
        Volatile.Read(ref _boundNow) == now && now != long.MinValue && Volatile.Read(ref _boundVersion) == Table.Version && Now == now;

    private void BindTable()
    {
        var c = Table.Columns;
        (Blocked, FriendAddedAt, LastClickAt, FirstPurchaseAt, LastPurchaseAt, TotalSpend, LinkedTypes) =
            (c.Blocked, c.FriendAddedAt, c.LastClickAt, c.FirstPurchaseAt, c.LastPurchaseAt, c.TotalSpend, c.LinkedTypes);
        var p = Table.Purchases;
        (PurchaseStarts, PurchaseCounts, PurchaseAt, PurchaseAmount, PurchaseCurrency, PurchaseChannel, PurchaseStore) =
            (p.Starts, p.Counts, p.At, p.Amount, p.Currency, p.Channel, p.Store);
        (CategoryStart, CategoryCount, CategoryIds) = (p.CategoryStart, p.CategoryCount, p.CategoryIds);
        var n = Table.Interactions;
        (InteractionStarts, InteractionCounts, InteractionAt, InteractionKind, InteractionCampaign, InteractionTarget) =
            (n.Starts, n.Counts, n.At, n.Kind, n.Campaign, n.Target);

        for (var i = 0; i < slots.Tags.Count; i++)
        {
            var id = Table.Tags.Names.Find(slots.Tags[i]);
            Tags[i] = id == StringPool.None ? [] : Table.Tags.Column(id);
        }

        for (var i = 0; i < slots.AttributeKeys.Count; i++)
        {
            var id = Table.Attributes.Keys.Find(slots.AttributeKeys[i]);
            Attributes[i] = id == StringPool.None ? [] : Table.Attributes.Column(id);
        }

        for (var i = 0; i < slots.Strings.Count; i++)
        {
            StringIds[i] = slots.Strings[i].IdIn(Table);
        }

        for (var i = 0; i < slots.IdentifierTypes.Count; i++)
        {
            var bit = -1;
            for (var b = 0; b < Table.IdentifierTypes.Count; b++)
            {
                if (Table.IdentifierTypes[b].Name == slots.IdentifierTypes[i])
                {
                    bit = b;
                }
            }

            TypeMasks[i] = bit < 0 ? 0 : 1 << bit;
        }
    }

    private void BindInvariants()
    {
        InvariantError = null;
        for (var i = 0; i < slots.Invariants.Count; i++)
        {
            try
            {
                switch (SegmentInterpreter.Evaluate(slots.Invariants[i], Table, -1, Now))
                {
                    case long l:
                        Longs[i] = l;
                        break;
                    case double d:
                        Doubles[i] = d;
                        break;
                    case bool b:
                        Bools[i] = b;
                        break;
                    case string s:
                        Strings[i] = s;
                        break;
                }
            }
            catch (CelRuntimeError error)
            {
                InvariantError ??= error;
            }
        }
    }
}
