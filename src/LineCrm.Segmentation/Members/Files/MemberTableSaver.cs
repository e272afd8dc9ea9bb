using static LineCrm.Segmentation.Members.Files.MemberTableFormat;

namespace LineCrm.Segmentation.Members.Files;

/// <summary>
/// Writes a member table's live persons as <see cref="MemberTableFormat"/> describes, column by column. Rows merged
/// away or forgotten are left out and the rest are renumbered densely in table order; attribute values no live
/// person holds any more are left out too, so a forgotten person's values do not outlive them in a file.
/// </summary>
internal static class MemberTableSaver
{
    public static void Save(MemberTable table, Stream destination, CancellationToken cancellationToken)
    {
        var writer = new ColumnFileWriter(destination, Magic, FormatVersion, cancellationToken);
        var rows = LiveRows(table.Columns);
        var heldValues = HeldAttributeValues(table.Attributes, rows, out var newValueIdOf);
        WritePools(writer, table, heldValues);
        WriteMembers(writer, table, rows);
        WritePurchases(writer, table.Purchases, rows);
        WriteInteractions(writer, table.Interactions, rows);
        WriteTags(writer, table.Tags, rows);
        WriteAttributes(writer, table.Attributes, rows, newValueIdOf);
        CustomFactsFile.Write(writer, table.Custom, rows);
        WriteVersion3(writer, table, rows);
        writer.Complete();
    }

    private static int[] LiveRows(MemberColumns columns)
    {
        var rows = new List<int>(columns.Rows);
        for (var row = 0; row < columns.Rows; row++)
        {
            if (columns.IsLive(row))
            {
                rows.Add(row);
            }
        }

        return [.. rows];
    }

    private static void WritePools(ColumnFileWriter writer, MemberTable table, List<string> heldAttributeValues)
    {
        writer.WriteStrings((int)Section.IdentifierTypes, [.. table.IdentifierTypes.Select(type => type.Name)]);
        writer.WriteStrings((int)Section.Currencies, table.Currencies.Values);
        writer.WriteStrings((int)Section.Channels, table.Channels.Values);
        writer.WriteStrings((int)Section.Stores, table.Stores.Values);
        writer.WriteStrings((int)Section.Categories, table.Categories.Values);
        writer.WriteStrings((int)Section.InteractionKinds, table.InteractionKinds.Values);
        writer.WriteStrings((int)Section.Campaigns, table.Campaigns.Values);
        writer.WriteStrings((int)Section.Targets, table.Targets.Values);
        writer.WriteStrings((int)Section.TagNames, table.Tags.Names.Values);
        writer.WriteStrings((int)Section.AttributeKeys, table.Attributes.Keys.Values);
        writer.WriteStrings((int)Section.AttributeValues, heldAttributeValues);
    }

    private static void WriteMembers(ColumnFileWriter writer, MemberTable table, int[] rows)
    {
        var c = table.Columns;
        var lineUsers = new List<string>();
        var lineUser = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            lineUser[i] = StringPool.None;
            if (c.LineUserIds[rows[i]] is { } id)
            {
                lineUser[i] = lineUsers.Count;
                lineUsers.Add(id);
            }
        }

        writer.WriteStrings((int)Section.LineUserIds, lineUsers);
        Gather(writer, Section.PersonIds, c.PersonIds, rows);
        Gather(writer, Section.FriendAddedAt, c.FriendAddedAt, rows);
        Gather(writer, Section.FriendStateAt, c.FriendStateAt, rows);
        Gather(writer, Section.LastClickAt, c.LastClickAt, rows);
        Gather(writer, Section.LinkedTypes, c.LinkedTypes, rows);
        writer.WriteColumn((int)Section.LineUser, lineUser.AsSpan());
        Gather(writer, Section.TotalSpend, c.TotalSpend, rows);
        Gather(writer, Section.FirstPurchaseAt, c.FirstPurchaseAt, rows);
        Gather(writer, Section.LastPurchaseAt, c.LastPurchaseAt, rows);
        writer.WriteColumn((int)Section.Blocked, GatherBits(c.Blocked, rows).AsSpan());
    }

    private static void WritePurchases(ColumnFileWriter writer, PurchaseColumns p, int[] rows)
    {
        var regions = new Regions(p, rows);
        Gather(writer, Section.PurchaseCounts, p.Counts, rows);
        regions.Write(writer, Section.PurchaseAt, p.At);
        regions.Write(writer, Section.PurchaseCurrency, p.Currency);
        regions.Write(writer, Section.PurchaseChannel, p.Channel);
        regions.Write(writer, Section.PurchaseStore, p.Store);
        regions.Write(writer, Section.PurchaseCategoryCount, p.CategoryCount);

        // Category ids lie in the order purchases were appended, not in the saved order: gathered per purchase.
        long categoryIds = 0;
        regions.ForEachElement(i => categoryIds += p.CategoryCount[i]);
        writer.BeginSection((int)Section.PurchaseCategoryIds, categoryIds * sizeof(int));
        var buffer = new GatherBuffer<int>(writer);
        regions.ForEachElement(i => buffer.Add(p.CategoryIds.AsSpan(p.CategoryStart[i], p.CategoryCount[i])));
        buffer.Flush();
        writer.EndSection();
    }

    /// <summary>What version 3 adds, after the custom facts: exact amounts, purchase campaigns, link times.</summary>
    private static void WriteVersion3(ColumnFileWriter writer, MemberTable table, int[] rows)
    {
        var regions = new Regions(table.Purchases, rows);
        regions.Write(writer, Section.PurchaseAmountUnits, table.Purchases.AmountUnits);
        regions.Write(writer, Section.PurchaseCampaign, table.Purchases.Campaign);
        Gather(writer, Section.LinkedAt, table.Columns.LinkedAt, rows);
    }

    private static void WriteInteractions(ColumnFileWriter writer, InteractionColumns n, int[] rows)
    {
        var regions = new Regions(n, rows);
        Gather(writer, Section.InteractionCounts, n.Counts, rows);
        regions.Write(writer, Section.InteractionAt, n.At);
        regions.Write(writer, Section.InteractionKind, n.Kind);
        regions.Write(writer, Section.InteractionCampaign, n.Campaign);
        regions.Write(writer, Section.InteractionTarget, n.Target);
    }

    private static void WriteTags(ColumnFileWriter writer, TagColumns tags, int[] rows)
    {
        var words = Bits.WordsFor(rows.Length);
        writer.BeginSection((int)Section.TagBits, (long)tags.Names.Count * words * sizeof(ulong));
        for (var id = 0; id < tags.Names.Count; id++)
        {
            writer.Append<ulong>(GatherBits(tags.Column(id), rows));
        }

        writer.EndSection();
    }

    private static void WriteAttributes(ColumnFileWriter writer, AttributeColumns attributes, int[] rows, int[] newIdOf)
    {
        var (entryRows, keys, values) = (new List<int>(), new List<int>(), new List<int>());
        for (var key = 0; key < attributes.Keys.Count; key++)
        {
            var column = attributes.Column(key);
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i] < column.Length && column[rows[i]] != 0)
                {
                    entryRows.Add(i);
                    keys.Add(key);
                    values.Add(newIdOf[column[rows[i]] - 1]);
                }
            }
        }

        writer.WriteColumn((int)Section.AttributeRows, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entryRows));
        writer.WriteColumn((int)Section.AttributeKeyIds, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys));
        writer.WriteColumn((int)Section.AttributeValueIds, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
    }

    /// <summary>The attribute values live persons hold, in pool order, and each old id's new id (-1 when dropped).</summary>
    private static List<string> HeldAttributeValues(AttributeColumns attributes, int[] rows, out int[] newIdOf)
    {
        var held = new bool[attributes.Values.Count];
        for (var key = 0; key < attributes.Keys.Count; key++)
        {
            var column = attributes.Column(key);
            foreach (var row in rows)
            {
                if (row < column.Length && column[row] != 0)
                {
                    held[column[row] - 1] = true;
                }
            }
        }

        var values = new List<string>();
        newIdOf = new int[held.Length];
        for (var id = 0; id < held.Length; id++)
        {
            newIdOf[id] = held[id] ? values.Count : StringPool.None;
            if (held[id])
            {
                values.Add(attributes.Values[id]);
            }
        }

        return values;
    }

    private static void Gather<T>(ColumnFileWriter writer, Section kind, T[] column, int[] rows)
        where T : unmanaged
    {
        if (rows.Length == 0 || rows[^1] == rows.Length - 1)
        {
            // No row was retired: the live rows are the first rows, in order.
            writer.WriteColumn((int)kind, column.AsSpan(0, rows.Length));
            return;
        }

        writer.BeginSection((int)kind, (long)rows.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        var buffer = new GatherBuffer<T>(writer);
        foreach (var row in rows)
        {
            buffer.Add(column[row]);
        }

        buffer.Flush();
        writer.EndSection();
    }

    private static ulong[] GatherBits(ulong[] bits, int[] rows)
    {
        var gathered = new ulong[Bits.WordsFor(rows.Length)];
        for (var i = 0; i < rows.Length; i++)
        {
            if (Bits.Get(bits, rows[i]))
            {
                gathered[i >> 6] |= 1UL << (i & 63);
            }
        }

        return gathered;
    }

    /// <summary>The element regions of the live rows, in row order; one span when they lie back to back.</summary>
    private sealed class Regions
    {
        private readonly NestedRows _nested;
        private readonly int[] _rows;
        private readonly bool _contiguous;

        public Regions(NestedRows nested, int[] rows)
        {
            _nested = nested;
            _rows = rows;
            long next = 0;
            _contiguous = true;
            foreach (var row in rows)
            {
                var count = nested.Counts[row];
                if (count > 0 && nested.Starts[row] != next)
                {
                    _contiguous = false;
                }

                next += count;
                Total += count;
            }
        }

        public long Total { get; }

        public void Write<T>(ColumnFileWriter writer, Section kind, T[] column)
            where T : unmanaged
        {
            if (_contiguous)
            {
                writer.WriteColumn((int)kind, column.AsSpan(0, (int)Total));
                return;
            }

            writer.BeginSection((int)kind, Total * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
            var buffer = new GatherBuffer<T>(writer);
            foreach (var row in _rows)
            {
                buffer.Add(column.AsSpan(_nested.Starts[row], _nested.Counts[row]));
            }

            buffer.Flush();
            writer.EndSection();
        }

        public void ForEachElement(Action<int> visit)
        {
            foreach (var row in _rows)
            {
                for (int i = _nested.Starts[row], end = i + _nested.Counts[row]; i < end; i++)
                {
                    visit(i);
                }
            }
        }
    }

    /// <summary>Collects small pieces of a section and appends them to the writer in large ones.</summary>
    private sealed class GatherBuffer<T>(ColumnFileWriter writer)
        where T : unmanaged
    {
        private readonly T[] _items = new T[8192];
        private int _count;

        public void Add(T item)
        {
            if (_count == _items.Length)
            {
                Flush();
            }

            _items[_count++] = item;
        }

        public void Add(ReadOnlySpan<T> items)
        {
            if (_count + items.Length > _items.Length)
            {
                Flush();
                if (items.Length > _items.Length)
                {
                    writer.Append(items);
                    return;
                }
            }

            items.CopyTo(_items.AsSpan(_count));
            _count += items.Length;
        }

        public void Flush()
        {
            writer.Append<T>(_items.AsSpan(0, _count));
            _count = 0;
        }
    }
}
