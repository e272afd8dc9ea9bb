namespace LineCrm.Segmentation.Expressions.Checking;

/// <summary>The names that denote built-in types in expressions (<c>int</c>, <c>list</c>, <c>google.protobuf.Timestamp</c>).</summary>
internal static class TypeNames
{
    private static readonly HashSet<string> WrapperTypes =
    [
        "google.protobuf.BoolValue", "google.protobuf.BytesValue", "google.protobuf.DoubleValue",
        "google.protobuf.FloatValue", "google.protobuf.Int32Value", "google.protobuf.Int64Value",
        "google.protobuf.StringValue", "google.protobuf.UInt32Value", "google.protobuf.UInt64Value",
    ];

    /// <summary>The protobuf wrapper types, the only messages CEL can build without protobuf.</summary>
    public static bool IsWrapper(string name) => WrapperTypes.Contains(name);

    public static CelType? Denoted(string name) => name switch
    {
        "int" => CelType.Int,
        "uint" => CelType.Uint,
        "double" => CelType.Double,
        "bool" => CelType.Bool,
        "string" => CelType.String,
        "bytes" => CelType.Bytes,
        "list" => CelType.List(CelType.Dyn),
        "map" => CelType.Map(CelType.Dyn, CelType.Dyn),
        "null_type" => CelType.Null,
        "type" => CelType.TypeOfTypes,
        "google.protobuf.Timestamp" => CelType.Timestamp,
        "google.protobuf.Duration" => CelType.Duration,
        _ => null,
    };
}
