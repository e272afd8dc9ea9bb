using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// One person's row as CEL values, for the reference interpreter: the path for segments the compiler does not
/// cover, and the oracle the compiled code is tested against. Values are built on first use.
/// </summary>
internal sealed class MemberActivation(MemberTable table, int row, DateTimeOffset now) : IActivation
{
    public bool TryResolve(string name, out object value)
    {
        value = name switch
        {
            MemberSchema.Now => CelValueConverter.FromClr(now),
            MemberSchema.Blocked => table.Columns.IsBlocked(row),
            MemberSchema.FriendAddedAt => Timestamp(table.Columns.FriendAddedAt[row]),
            MemberSchema.LastClickAt => Timestamp(table.Columns.LastClickAt[row]),
            MemberSchema.TotalSpend => table.Columns.TotalSpend[row],
            MemberSchema.FirstPurchaseAt => Timestamp(table.Columns.FirstPurchaseAt[row]),
            MemberSchema.LastPurchaseAt => Timestamp(table.Columns.LastPurchaseAt[row]),
            MemberSchema.LinkedAt => Timestamp(table.Columns.LinkedAt[row]),
            MemberSchema.Purchases => Purchases(),
            MemberSchema.Interactions => Interactions(),
            MemberSchema.Tags => new CelList([.. table.Tags.Of(row)]),
            MemberSchema.Linked => new CelList([.. table.IdentifierTypes.Where((_, bit) => (table.Columns.LinkedTypes[row] & (1 << bit)) != 0).Select(t => (object)t.Name)]),
            MemberSchema.Attributes => CelValueConverter.FromClr(table.Attributes.Of(row)),
            _ => Custom(name)!,
        };
        return value is not null;
    }

    // A custom fact reads its column as it is: an unset value is its type's zero there already.
    private object? Custom(string name)
    {
        var custom = table.Custom;
        if (custom.Schema.FindScalar(name) is { } fact)
        {
            return fact.Storage switch
            {
                FactStorage.Long when fact.Declaration.Type == FactType.Timestamp => Timestamp(custom.Longs[fact.Slot][row]),
                FactStorage.Long => custom.Longs[fact.Slot][row],
                FactStorage.Double => custom.Doubles[fact.Slot][row],
                FactStorage.Bool => custom.Bools[fact.Slot][row],
                _ => custom.Text(custom.Strings[fact.Slot][row]),
            };
        }

        return custom.Schema.FindList(name) is { } list ? Records(list) : null;
    }

    // Fields at their zero are left out, as proto3 leaves them: they read as the zero and has() is false.
    private CelList Records(CustomList list)
    {
        var records = table.Custom.Lists[list.Index];
        var type = MemberSchema.RecordType(list.Declaration);
        var items = new List<object>(records.Counts[row]);
        for (int i = records.Starts[row], end = i + records.Counts[row]; i < end; i++)
        {
            var fields = new List<KeyValuePair<string, object>>(list.Fields.Count);
            foreach (var field in list.Fields)
            {
                object? value = field.Storage switch
                {
                    FactStorage.Long when field.Field.Type == FactType.Timestamp =>
                        records.Longs[field.Slot][i] == MemberColumns.Never ? null : Timestamp(records.Longs[field.Slot][i]),
                    FactStorage.Long => records.Longs[field.Slot][i] is var l && l != 0 ? l : null,
                    FactStorage.Double => records.Doubles[field.Slot][i] is var d && BitConverter.DoubleToInt64Bits(d) != 0 ? d : null,
                    FactStorage.Bool => records.Bools[field.Slot][i] ? true : null,
                    _ => records.Strings[field.Slot][i] is var s && s != 0 ? table.Custom.Text(s) : null,
                };
                if (value is not null)
                {
                    fields.Add(new(field.Field.Name, value));
                }
            }

            items.Add(new CelObject(type, fields));
        }

        return new CelList(items);
    }

    // Unset optional fields (no store, no campaign) are left out: they read as "" and has() is false, as for
    // an unset protobuf field.
    private static IEnumerable<KeyValuePair<string, object>> Set(KeyValuePair<string, object?>[] fields) =>
        fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, object>(f.Key, f.Value!));

    private static object Timestamp(long ticks) => CelValueConverter.FromClr(new DateTime(ticks, DateTimeKind.Utc));

    private CelList Purchases()
    {
        var p = table.Purchases;
        var items = new List<object>(p.Counts[row]);
        for (int i = p.Starts[row], end = i + p.Counts[row]; i < end; i++)
        {
            var categories = new List<object>(p.CategoryCount[i]);
            for (var c = 0; c < p.CategoryCount[i]; c++)
            {
                categories.Add(table.Categories[p.CategoryIds[p.CategoryStart[i] + c]]);
            }

            items.Add(new CelObject(MemberSchema.PurchaseType, Set(
            [
                new("at", Timestamp(p.At[i])),
                new("amount", MoneyUnits.ToDouble(p.AmountUnits[i])),
                new("currency", SegmentRuntime.Name(table.Currencies, p.Currency[i])),
                new("channel", SegmentRuntime.Name(table.Channels, p.Channel[i])),
                new("store", table.Stores.Optional(p.Store[i])),
                new("campaign", table.Campaigns.Optional(p.Campaign[i])),
                new("categories", new CelList(categories)),
            ])));
        }

        return new CelList(items);
    }

    private CelList Interactions()
    {
        var n = table.Interactions;
        var items = new List<object>(n.Counts[row]);
        for (int i = n.Starts[row], end = i + n.Counts[row]; i < end; i++)
        {
            items.Add(new CelObject(MemberSchema.InteractionType, Set(
            [
                new("at", Timestamp(n.At[i])),
                new("kind", SegmentRuntime.Name(table.InteractionKinds, n.Kind[i])),
                new("campaign", table.Campaigns.Optional(n.Campaign[i])),
                new("target", table.Targets.Optional(n.Target[i])),
            ])));
        }

        return new CelList(items);
    }
}
