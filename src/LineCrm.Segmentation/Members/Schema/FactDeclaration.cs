using System.Collections.Immutable;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// One fact a segment can read about a person, declared once in a <see cref="FactSchema"/>: its CEL name, its
/// type and what it means. The built-in facts (<c>lastClickAt</c>, <c>purchases</c>...) are declarations too;
/// yours are made with <see cref="FactSchema.WithScalar"/> and <see cref="FactSchema.WithList"/>.
/// </summary>
public abstract record FactDeclaration
{
    private protected FactDeclaration(string name, string description, bool isBuiltIn)
    {
        (Name, Description, IsBuiltIn) = (name, description, isBuiltIn);
    }

    /// <summary>The CEL variable name.</summary>
    public string Name { get; }

    /// <summary>What the fact means, for documentation and tools.</summary>
    public string Description { get; }

    /// <summary>Whether the fact comes with every table (filled from events) rather than from user code.</summary>
    public bool IsBuiltIn { get; }

    /// <summary>The fact's CEL type as the language writes it (<c>int</c>, <c>list(PageView)</c>...).</summary>
    public abstract string CelTypeName { get; }
}

/// <summary>A fact with one value per person, such as <c>loyaltyPoints</c>.</summary>
public sealed record ScalarFactDeclaration : FactDeclaration
{
    internal ScalarFactDeclaration(string name, FactType type, string description)
        : base(name, description, isBuiltIn: false)
    {
        Type = type;
    }

    /// <summary>The value's type.</summary>
    public FactType Type { get; }

    /// <inheritdoc />
    public override string CelTypeName => FactSchema.CelName(Type);
}

/// <summary>A fact that is a list of records per person, such as <c>pageViews</c> with a <c>productId</c> each.</summary>
public sealed record ListFactDeclaration : FactDeclaration
{
    internal ListFactDeclaration(string name, string recordType, ImmutableArray<FactField> fields, string description)
        : base(name, description, isBuiltIn: false)
    {
        (RecordType, Fields) = (recordType, fields);
    }

    /// <summary>The CEL object type of one record (<c>PageView</c>).</summary>
    public string RecordType { get; }

    /// <summary>The fields of a record, in declaration order.</summary>
    public ImmutableArray<FactField> Fields { get; }

    /// <inheritdoc />
    public override string CelTypeName => $"list({RecordType})";

    /// <inheritdoc />
    public bool Equals(ListFactDeclaration? other) =>
        other is not null && base.Equals(other) && RecordType == other.RecordType && Fields.SequenceEqual(other.Fields);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), RecordType, Fields.Length);
}

/// <summary>A fact every table has, filled from events (<c>lastClickAt</c>, <c>purchases</c>, <c>tags</c>...).</summary>
public sealed record BuiltInFactDeclaration : FactDeclaration
{
    internal BuiltInFactDeclaration(string name, string celTypeName, string description)
        : base(name, description, isBuiltIn: true)
    {
        CelTypeName = celTypeName;
    }

    /// <inheritdoc />
    public override string CelTypeName { get; }
}
