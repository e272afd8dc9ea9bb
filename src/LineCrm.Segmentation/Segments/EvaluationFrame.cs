using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// What compiled segment code reads: the member table's arrays as they are at one table version, the ids of the
/// segment's string constants in the table's pools, and the values of its member-independent parts
/// (<c>now - days(365)</c>) at one <c>now</c>. Fields, not properties, so compiled code reads them with one load.
/// </summary>
/// <remarks>
/// A frame is immutable once made: it belongs to one (table, version, <c>now</c>), so evaluations running at the
/// same time at different <c>now</c>s each read their own. A frame for another <c>now</c> of the same version is
/// made with <see cref="At"/>, which shares the table-bound part (arrays, string ids, the iteration-cap
/// decision) and computes only the member-independent values.
/// </remarks>
internal sealed class EvaluationFrame
{
#pragma warning disable CA1051, SA1401 // Compiled expression trees read these fields directly.
    public readonly MemberTable Table;
    public readonly ulong[] Blocked;
    public readonly long[] FriendAddedAt;
    public readonly long[] LastClickAt;
    public readonly long[] FirstPurchaseAt;
    public readonly long[] LastPurchaseAt;
    public readonly long[] LinkedAt;
    public readonly double[] TotalSpend;
    public readonly int[] LinkedTypes;
    public readonly int[] PurchaseStarts;
    public readonly int[] PurchaseCounts;
    public readonly long[] PurchaseAt;
    public readonly long[] PurchaseAmountUnits;
    public readonly int[] PurchaseCurrency;
    public readonly int[] PurchaseChannel;
    public readonly int[] PurchaseStore;
    public readonly int[] PurchaseCampaign;
    public readonly int[] CategoryStart;
    public readonly int[] CategoryCount;
    public readonly int[] CategoryIds;
    public readonly int[] InteractionStarts;
    public readonly int[] InteractionCounts;
    public readonly long[] InteractionAt;
    public readonly int[] InteractionKind;
    public readonly int[] InteractionCampaign;
    public readonly int[] InteractionTarget;
    public readonly ulong[][] Tags;
    public readonly int[][] Attributes;
    public readonly int[] StringIds;
    public readonly int[] TypeMasks;
    public readonly long Now;
    public readonly long[] Longs;
    public readonly double[] Doubles;
    public readonly bool[] Bools;
    public readonly string[] Strings;
    public readonly long[][] CustomLongs;
    public readonly double[][] CustomDoubles;
    public readonly bool[][] CustomBools;
    public readonly int[][] CustomStrings;
    public readonly int[][] RecordStarts;
    public readonly int[][] RecordCounts;
    public readonly long[][][] RecordLongs;
    public readonly double[][][] RecordDoubles;
    public readonly bool[][][] RecordBools;
    public readonly int[][][] RecordStrings;
#pragma warning restore CA1051, SA1401

    private readonly SegmentSlots _slots;

    private EvaluationFrame(MemberTable table, long version, SegmentSlots slots, Func<MemberTable, bool>? needsIterationCap, long now)
    {
        Table = table;
        Version = version;
        _slots = slots;
        var c = table.Columns;
        (Blocked, FriendAddedAt, LastClickAt, FirstPurchaseAt, LastPurchaseAt, LinkedAt, TotalSpend, LinkedTypes) =
            (c.Blocked, c.FriendAddedAt, c.LastClickAt, c.FirstPurchaseAt, c.LastPurchaseAt, c.LinkedAt, c.TotalSpend, c.LinkedTypes);
        var p = table.Purchases;
        (PurchaseStarts, PurchaseCounts, PurchaseAt, PurchaseAmountUnits, PurchaseCurrency, PurchaseChannel, PurchaseStore, PurchaseCampaign) =
            (p.Starts, p.Counts, p.At, p.AmountUnits, p.Currency, p.Channel, p.Store, p.Campaign);
        (CategoryStart, CategoryCount, CategoryIds) = (p.CategoryStart, p.CategoryCount, p.CategoryIds);
        var n = table.Interactions;
        (InteractionStarts, InteractionCounts, InteractionAt, InteractionKind, InteractionCampaign, InteractionTarget) =
            (n.Starts, n.Counts, n.At, n.Kind, n.Campaign, n.Target);
        (Tags, Attributes, StringIds, TypeMasks) = BindStrings(table, slots);

        // Copies of the outer arrays: a write that grows a custom column replaces the inner array in the table's.
        var custom = table.Custom;
        (CustomLongs, CustomDoubles, CustomBools, CustomStrings) =
            ([.. custom.Longs], [.. custom.Doubles], [.. custom.Bools], [.. custom.Strings]);
        (RecordStarts, RecordCounts) = ([.. custom.Lists.Select(l => l.Starts)], [.. custom.Lists.Select(l => l.Counts)]);
        (RecordLongs, RecordDoubles, RecordBools, RecordStrings) = (
            [.. custom.Lists.Select(l => (long[][])[.. l.Longs])],
            [.. custom.Lists.Select(l => (double[][])[.. l.Doubles])],
            [.. custom.Lists.Select(l => (bool[][])[.. l.Bools])],
            [.. custom.Lists.Select(l => (int[][])[.. l.Strings])]);
        NeedsIterationCap = needsIterationCap?.Invoke(table) ?? false;
        Now = now;
        (Longs, Doubles, Bools, Strings, InvariantError) = Invariants(table, slots, now);
    }

    // The same table version at another `now`: the table-bound arrays are shared (they are never written after
    // construction), the member-independent values are computed afresh.
    private EvaluationFrame(EvaluationFrame sameVersion, long now)
    {
        (Table, Version, _slots, NeedsIterationCap) = (sameVersion.Table, sameVersion.Version, sameVersion._slots, sameVersion.NeedsIterationCap);
        (Blocked, FriendAddedAt, LastClickAt, FirstPurchaseAt, LastPurchaseAt, LinkedAt, TotalSpend, LinkedTypes) =
            (sameVersion.Blocked, sameVersion.FriendAddedAt, sameVersion.LastClickAt, sameVersion.FirstPurchaseAt, sameVersion.LastPurchaseAt, sameVersion.LinkedAt, sameVersion.TotalSpend, sameVersion.LinkedTypes);
        (PurchaseStarts, PurchaseCounts, PurchaseAt, PurchaseAmountUnits, PurchaseCurrency, PurchaseChannel, PurchaseStore, PurchaseCampaign) =
            (sameVersion.PurchaseStarts, sameVersion.PurchaseCounts, sameVersion.PurchaseAt, sameVersion.PurchaseAmountUnits, sameVersion.PurchaseCurrency, sameVersion.PurchaseChannel, sameVersion.PurchaseStore, sameVersion.PurchaseCampaign);
        (CategoryStart, CategoryCount, CategoryIds) = (sameVersion.CategoryStart, sameVersion.CategoryCount, sameVersion.CategoryIds);
        (InteractionStarts, InteractionCounts, InteractionAt, InteractionKind, InteractionCampaign, InteractionTarget) =
            (sameVersion.InteractionStarts, sameVersion.InteractionCounts, sameVersion.InteractionAt, sameVersion.InteractionKind, sameVersion.InteractionCampaign, sameVersion.InteractionTarget);
        (Tags, Attributes, StringIds, TypeMasks) = (sameVersion.Tags, sameVersion.Attributes, sameVersion.StringIds, sameVersion.TypeMasks);
        (CustomLongs, CustomDoubles, CustomBools, CustomStrings) = (sameVersion.CustomLongs, sameVersion.CustomDoubles, sameVersion.CustomBools, sameVersion.CustomStrings);
        (RecordStarts, RecordCounts) = (sameVersion.RecordStarts, sameVersion.RecordCounts);
        (RecordLongs, RecordDoubles, RecordBools, RecordStrings) = (sameVersion.RecordLongs, sameVersion.RecordDoubles, sameVersion.RecordBools, sameVersion.RecordStrings);
        Now = now;
        (Longs, Doubles, Bools, Strings, InvariantError) = Invariants(Table, _slots, now);
    }

    /// <summary>The table version (<see cref="MemberTable.ReadVersion"/>) the arrays were taken at.</summary>
    public long Version { get; }

    /// <summary>Whether this table's worst person can go past the iteration cap, so the counting code must run (decided once per table version).</summary>
    public bool NeedsIterationCap { get; }

    /// <summary>The first error of a member-independent part, when one failed for this <c>now</c>; compiled code is then not used.</summary>
    public CelRuntimeError? InvariantError { get; }

    /// <summary>Makes the frame of <paramref name="table"/> at <paramref name="version"/> (read by the caller just before) and <paramref name="now"/>.</summary>
    public static EvaluationFrame Bind(MemberTable table, long version, SegmentSlots slots, Func<MemberTable, bool>? needsIterationCap, long now) =>
        new(table, version, slots, needsIterationCap, now);

    /// <summary>Whether this frame is the one for <paramref name="table"/> at <paramref name="version"/> and <paramref name="now"/>.</summary>
    public bool IsFor(MemberTable table, long version, long now) => Now == now && Version == version && ReferenceEquals(Table, table);

    /// <summary>This frame's table version at another <paramref name="now"/>.</summary>
    public EvaluationFrame At(long now) => new(this, now);

    private static (ulong[][] Tags, int[][] Attributes, int[] StringIds, int[] TypeMasks) BindStrings(MemberTable table, SegmentSlots slots)
    {
        var tags = new ulong[slots.Tags.Count][];
        for (var i = 0; i < tags.Length; i++)
        {
            var id = table.Tags.Names.Find(slots.Tags[i]);
            tags[i] = id == StringPool.None ? [] : table.Tags.Column(id);
        }

        var attributes = new int[slots.AttributeKeys.Count][];
        for (var i = 0; i < attributes.Length; i++)
        {
            var id = table.Attributes.Keys.Find(slots.AttributeKeys[i]);
            attributes[i] = id == StringPool.None ? [] : table.Attributes.Column(id);
        }

        var stringIds = new int[slots.Strings.Count];
        for (var i = 0; i < stringIds.Length; i++)
        {
            stringIds[i] = slots.Strings[i].IdIn(table);
        }

        var typeMasks = new int[slots.IdentifierTypes.Count];
        for (var i = 0; i < typeMasks.Length; i++)
        {
            var bit = -1;
            for (var b = 0; b < table.IdentifierTypes.Count; b++)
            {
                if (table.IdentifierTypes[b].Name == slots.IdentifierTypes[i])
                {
                    bit = b;
                }
            }

            typeMasks[i] = bit < 0 ? 0 : 1 << bit;
        }

        return (tags, attributes, stringIds, typeMasks);
    }

    private static (long[] Longs, double[] Doubles, bool[] Bools, string[] Strings, CelRuntimeError? Error) Invariants(MemberTable table, SegmentSlots slots, long now)
    {
        var count = slots.Invariants.Count;
        var (longs, doubles, bools, strings) = (new long[count], new double[count], new bool[count], new string[count]);
        CelRuntimeError? error = null;
        for (var i = 0; i < count; i++)
        {
            try
            {
                switch (SegmentInterpreter.Evaluate(slots.Invariants[i], table, -1, now))
                {
                    case long l:
                        longs[i] = l;
                        break;
                    case double d:
                        doubles[i] = d;
                        break;
                    case bool b:
                        bools[i] = b;
                        break;
                    case string s:
                        strings[i] = s;
                        break;
                }
            }
            catch (CelRuntimeError e)
            {
                error ??= e;
            }
        }

        return (longs, doubles, bools, strings, error);
    }
}
