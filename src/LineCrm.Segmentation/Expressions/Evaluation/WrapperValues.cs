namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>
/// Builds the protobuf wrapper types (<c>google.protobuf.Int32Value{value: 1}</c> and friends), which CEL treats
/// as their primitive value: an empty wrapper is the zero value, 32-bit wrappers check their range, and a
/// FloatValue rounds to single precision.
/// </summary>
internal static class WrapperValues
{
    public static object Create(string typeName, IReadOnlyList<KeyValuePair<string, object>> fields)
    {
        object? value = null;
        foreach (var (name, fieldValue) in fields)
        {
            if (name != "value")
            {
                return CelError.NoSuchField(name);
            }

            value = fieldValue;
        }

        var shortName = typeName["google.protobuf.".Length..];
        return (shortName, value) switch
        {
            ("BoolValue", null) => false,
            ("BoolValue", bool b) => b,
            ("BytesValue", null) => CelBytes.Empty,
            ("BytesValue", CelBytes bytes) => bytes,
            ("StringValue", null) => string.Empty,
            ("StringValue", string s) => s,
            ("DoubleValue", null) => 0.0,
            ("DoubleValue", double d) => d,
            ("FloatValue", null) => 0.0,
            ("FloatValue", double d) => (double)(float)d,
            ("Int64Value", null) => 0L,
            ("Int64Value", long l) => l,
            ("Int32Value", null) => 0L,
            ("Int32Value", long l) => l is >= int.MinValue and <= int.MaxValue ? l : CelError.Range("int32 value"),
            ("UInt64Value", null) => 0UL,
            ("UInt64Value", ulong u) => u,
            ("UInt32Value", null) => 0UL,
            ("UInt32Value", ulong u) => u <= uint.MaxValue ? u : CelError.Range("uint32 value"),
            _ => CelError.InvalidArgument($"{typeName} cannot hold a {CelValueTypes.TypeName(value!)}"),
        };
    }
}
