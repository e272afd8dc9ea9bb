namespace LineCrm.Segmentation.Members;

/// <summary>How a fact's values are held in columns: ints and timestamps (ticks) as longs, strings as interned ids.</summary>
internal enum FactStorage
{
    Long,
    Double,
    Bool,
    String,
}

/// <summary>A custom scalar fact and its column: the <paramref name="Slot"/>-th column of its storage kind.</summary>
/// <param name="Declaration">The declaration.</param>
/// <param name="Storage">The column kind.</param>
/// <param name="Slot">The column's index among the custom scalar columns of <paramref name="Storage"/>.</param>
/// <param name="Index">The fact's index among the custom scalars (its "is set" bit column).</param>
internal sealed record CustomScalar(ScalarFactDeclaration Declaration, FactStorage Storage, int Slot, int Index);

/// <summary>A custom list fact: the <see cref="Index"/>-th list of the schema, its fields laid out per storage kind.</summary>
internal sealed class CustomList
{
    /// <summary>The most fields one record type declares.</summary>
    public const int MaxFields = 64;

    public CustomList(ListFactDeclaration declaration, int index)
    {
        (Declaration, Index) = (declaration, index);
        var fields = new CustomField[declaration.Fields.Length];
        var counts = new int[4];
        for (var i = 0; i < fields.Length; i++)
        {
            var storage = FactSchema.StorageOf(declaration.Fields[i].Type);
            fields[i] = new CustomField(declaration.Fields[i], storage, counts[(int)storage]++, i);
        }

        Fields = fields;
        (LongCount, DoubleCount, BoolCount, StringCount) = (counts[0], counts[1], counts[2], counts[3]);
    }

    public ListFactDeclaration Declaration { get; }

    public int Index { get; }

    public IReadOnlyList<CustomField> Fields { get; }

    public int LongCount { get; }

    public int DoubleCount { get; }

    public int BoolCount { get; }

    public int StringCount { get; }

    public CustomField? Field(string name) => Fields.FirstOrDefault(f => f.Field.Name == name);
}

/// <summary>A field of a custom record and its column within its list's columns of <paramref name="Storage"/>.</summary>
internal sealed record CustomField(FactField Field, FactStorage Storage, int Slot, int Index);
