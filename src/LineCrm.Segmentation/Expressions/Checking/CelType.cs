using System.Collections.Immutable;

namespace LineCrm.Segmentation.Expressions.Checking;

/// <summary>
/// A CEL type as the checker sees it: a primitive, <c>list(T)</c>, <c>map(K, V)</c>, <c>type(T)</c>, a declared
/// object type, <c>dyn</c>, or a type parameter of a generic overload. Types are immutable and compare by value.
/// </summary>
internal sealed record CelType
{
    private CelType(CelTypeKind kind, string name, ImmutableArray<CelType> parameters = default, CelObjectType? objectType = null)
    {
        Kind = kind;
        Name = name;
        Parameters = parameters.IsDefault ? [] : parameters;
        ObjectType = objectType;
    }

    public static CelType Dyn { get; } = new(CelTypeKind.Dyn, "dyn");

    public static CelType Null { get; } = new(CelTypeKind.Null, "null_type");

    public static CelType Bool { get; } = new(CelTypeKind.Bool, "bool");

    public static CelType Int { get; } = new(CelTypeKind.Int, "int");

    public static CelType Uint { get; } = new(CelTypeKind.Uint, "uint");

    public static CelType Double { get; } = new(CelTypeKind.Double, "double");

    public static CelType String { get; } = new(CelTypeKind.String, "string");

    public static CelType Bytes { get; } = new(CelTypeKind.Bytes, "bytes");

    public static CelType Timestamp { get; } = new(CelTypeKind.Timestamp, "google.protobuf.Timestamp");

    public static CelType Duration { get; } = new(CelTypeKind.Duration, "google.protobuf.Duration");

    /// <summary>The type of type values whose own type is not known (<c>type</c>).</summary>
    public static CelType TypeOfTypes { get; } = new(CelTypeKind.Type, "type");

    /// <summary>The checker's marker for a subexpression that failed to type-check (stops cascades of errors).</summary>
    public static CelType Error { get; } = new(CelTypeKind.Error, "*error*");

    public CelTypeKind Kind { get; }

    /// <summary>The type's name: <c>int</c>, <c>list</c>, <c>google.protobuf.Timestamp</c>, an object type's
    /// name, or a type parameter's name.</summary>
    public string Name { get; }

    /// <summary>Element type of a list; key and value types of a map; the denoted type of <c>type(T)</c>.</summary>
    public ImmutableArray<CelType> Parameters { get; }

    /// <summary>The declaration of an object type; null for other kinds.</summary>
    public CelObjectType? ObjectType { get; }

    public static CelType List(CelType element) => new(CelTypeKind.List, "list", [element]);

    public static CelType Map(CelType key, CelType value) => new(CelTypeKind.Map, "map", [key, value]);

    /// <summary><c>optional_type(T)</c>: a value of T or none (the optional values extension).</summary>
    public static CelType Optional(CelType value) => new(CelTypeKind.Optional, "optional_type", [value]);

    /// <summary>The type of the type value that denotes <paramref name="denoted"/>, e.g. <c>type(int)</c>.</summary>
    public static CelType TypeOf(CelType denoted) => new(CelTypeKind.Type, "type", [denoted]);

    public static CelType Param(string name) => new(CelTypeKind.TypeParam, name);

    public static CelType Object(CelObjectType objectType) =>
        new(CelTypeKind.Object, objectType.Name, objectType: objectType);

    public CelType ElementType => Kind == CelTypeKind.List ? Parameters[0] : Dyn;

    public CelType KeyType => Kind == CelTypeKind.Map ? Parameters[0] : Dyn;

    public CelType ValueType => Kind == CelTypeKind.Map ? Parameters[1] : Dyn;

    /// <summary>The type inside <c>optional_type(T)</c>; dyn for other kinds.</summary>
    public CelType OptionalValueType => Kind == CelTypeKind.Optional ? Parameters[0] : Dyn;

    public bool Equals(CelType? other) =>
        other is not null
        && Kind == other.Kind
        && Name == other.Name
        && Parameters.SequenceEqual(other.Parameters);

    public override int GetHashCode() => HashCode.Combine(Kind, Name, Parameters.Length);

    /// <summary>CEL's notation: <c>int</c>, <c>list(string)</c>, <c>map(string, dyn)</c>, <c>type(int)</c>.</summary>
    public override string ToString() => Kind switch
    {
        CelTypeKind.List or CelTypeKind.Map or CelTypeKind.Optional => $"{Name}({string.Join(", ", Parameters)})",
        CelTypeKind.Type when Parameters.Length == 1 => $"type({Parameters[0]})",
        _ => Name,
    };
}

/// <summary>The kinds of <see cref="CelType"/>.</summary>
internal enum CelTypeKind
{
    Dyn,
    Null,
    Bool,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    Timestamp,
    Duration,
    List,
    Map,
    Type,
    Object,
    TypeParam,
    Error,
    Optional,
}
