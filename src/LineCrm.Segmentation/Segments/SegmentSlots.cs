using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// The names a compiled segment looks up in the table at each evaluation (tags, attribute keys, identifier types,
/// string constants compared with interned columns) and its member-independent parts, each by slot number.
/// </summary>
internal sealed class SegmentSlots
{
    public List<string> Tags { get; } = [];

    public List<string> AttributeKeys { get; } = [];

    public List<string> IdentifierTypes { get; } = [];

    public List<StringConstant> Strings { get; } = [];

    public List<SegmentExpr> Invariants { get; } = [];

    public int Tag(string name) => SlotOf(Tags, name);

    public int AttributeKey(string key) => SlotOf(AttributeKeys, key);

    public int IdentifierType(string name) => SlotOf(IdentifierTypes, name);

    public int String(string value, InternedColumn column) => SlotOf(Strings, new StringConstant(value, column));

    public int Invariant(SegmentExpr expr) => SlotOf(Invariants, expr);

    private static int SlotOf<T>(List<T> list, T item)
    {
        var index = list.IndexOf(item);
        if (index < 0)
        {
            index = list.Count;
            list.Add(item);
        }

        return index;
    }
}

/// <summary>The interned string columns a constant can be compared with as an id.</summary>
internal enum InternedColumn
{
    Currency,
    Channel,
    Store,
    InteractionKind,
    Campaign,
    Target,
    Category,
    AttributeValue,

    /// <summary>A custom string fact or record field: entries are id + 1, 0 for "".</summary>
    CustomValue,
}

/// <summary>A string constant compared with an interned column: bound to the constant's id in that column's pool.</summary>
internal sealed record StringConstant(string Value, InternedColumn Column)
{
    /// <summary>The id no column entry ever holds: the constant never occurs in the column.</summary>
    public const int Absent = -2;

    /// <summary>
    /// The constant's id in the pool, <see cref="StringPool.None"/> for the empty string in an optional column (an
    /// unset store reads as ""), or <see cref="Absent"/>.
    /// </summary>
    public int IdIn(MemberTable table)
    {
        if (Column == InternedColumn.CustomValue)
        {
            // Custom columns hold id + 1 and 0 for "", so the constant's entry is that code itself.
            if (Value.Length == 0)
            {
                return 0;
            }

            var code = table.Custom.Values.Find(Value);
            return code == StringPool.None ? Absent : code + 1;
        }

        var pool = Column switch
        {
            InternedColumn.Currency => table.Currencies,
            InternedColumn.Channel => table.Channels,
            InternedColumn.Store => table.Stores,
            InternedColumn.InteractionKind => table.InteractionKinds,
            InternedColumn.Campaign => table.Campaigns,
            InternedColumn.Target => table.Targets,
            InternedColumn.Category => table.Categories,
            _ => table.Attributes.Values,
        };
        var id = pool.Find(Value);
        if (id != StringPool.None)
        {
            return id;
        }

        var optional = Column is InternedColumn.Store or InternedColumn.Campaign or InternedColumn.Target;
        return optional && Value.Length == 0 ? StringPool.None : Absent;
    }
}
