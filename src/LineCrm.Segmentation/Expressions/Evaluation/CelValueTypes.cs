using LineCrm.Segmentation.Expressions.Checking;

namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>The CEL type of a runtime value: as a name, as a type value, and whether it fits a declared type.</summary>
internal static class CelValueTypes
{
    public static string TypeName(object value) => value switch
    {
        long => "int",
        ulong => "uint",
        double => "double",
        bool => "bool",
        string => "string",
        CelBytes => "bytes",
        CelNull => "null_type",
        CelList => "list",
        CelMap => "map",
        CelTypeValue => "type",
        CelTimestamp => "google.protobuf.Timestamp",
        CelDuration => "google.protobuf.Duration",
        ICelObject o => o.Type.Name,
        CelOptional => "optional_type",
        CelError => "error",
        _ => value.GetType().Name,
    };

    public static CelTypeValue TypeOf(object value) => value switch
    {
        long => CelTypeValue.Int,
        ulong => CelTypeValue.Uint,
        double => CelTypeValue.Double,
        bool => CelTypeValue.Bool,
        string => CelTypeValue.String,
        CelBytes => CelTypeValue.Bytes,
        CelNull => CelTypeValue.Null,
        CelList => CelTypeValue.List,
        CelMap => CelTypeValue.Map,
        CelTypeValue => CelTypeValue.Type,
        CelTimestamp => CelTypeValue.Timestamp,
        CelDuration => CelTypeValue.Duration,
        _ => new CelTypeValue(TypeName(value)),
    };

    /// <summary>
    /// Whether a runtime value can be passed where <paramref name="type"/> is declared. Only the outer kind is
    /// checked (lists and maps are not scanned): the checker has already ensured the rest for checked expressions.
    /// </summary>
    public static bool Fits(object value, CelType type) => type.Kind switch
    {
        CelTypeKind.Dyn or CelTypeKind.TypeParam => true,
        CelTypeKind.Null => value is CelNull,
        CelTypeKind.Bool => value is bool,
        CelTypeKind.Int => value is long,
        CelTypeKind.Uint => value is ulong,
        CelTypeKind.Double => value is double,
        CelTypeKind.String => value is string,
        CelTypeKind.Bytes => value is CelBytes,
        CelTypeKind.Timestamp => value is CelTimestamp,
        CelTypeKind.Duration => value is CelDuration,
        CelTypeKind.List => value is CelList,
        CelTypeKind.Map => value is CelMap,
        CelTypeKind.Type => value is CelTypeValue,
        CelTypeKind.Object => value is ICelObject o && o.Type.Name == type.Name,
        CelTypeKind.Optional => value is CelOptional,
        _ => false,
    };

    /// <summary>The value an unset field of <paramref name="type"/> reads as (proto3 defaults).</summary>
    public static object DefaultValue(CelType type) => type.Kind switch
    {
        CelTypeKind.Bool => false,
        CelTypeKind.Int => 0L,
        CelTypeKind.Uint => 0UL,
        CelTypeKind.Double => 0.0,
        CelTypeKind.String => string.Empty,
        CelTypeKind.Bytes => CelBytes.Empty,
        CelTypeKind.List => CelList.Empty,
        CelTypeKind.Map => CelMap.Empty,
        CelTypeKind.Timestamp => new CelTimestamp(0, 0),
        CelTypeKind.Duration => new CelDuration(0),
        _ => CelNull.Value,
    };
}
