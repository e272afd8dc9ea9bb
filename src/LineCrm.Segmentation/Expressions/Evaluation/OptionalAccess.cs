namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>
/// Optional selection (<c>a.?f</c>) and indexing (<c>a[?k]</c>) at run time: an optional of the field, key or
/// element, none where it is missing, and none through an optional that is none (optional chaining). Type
/// mismatches stay errors.
/// </summary>
internal static class OptionalAccess
{
    public static object Select(object operand, string field)
    {
        switch (operand)
        {
            case CelOptional optional:
                return optional.HasValue ? Select(optional.Value, field) : CelOptional.None;
            case CelMap map:
                return map.TryGetValue(field, out var value) ? CelOptional.Of(value) : CelOptional.None;
            case ICelObject obj:
                if (!obj.Type.TryGetField(field, out _))
                {
                    return CelError.NoSuchField(field);
                }

                return obj.TryGetField(field, out var fieldValue) ? CelOptional.Of(fieldValue) : CelOptional.None;
            default:
                return CelError.InvalidArgument(
                    $"type '{CelValueTypes.TypeName(operand)}' does not support field selection (.?{field})");
        }
    }

    public static object Index(object operand, object index)
    {
        switch (operand)
        {
            case CelOptional optional:
                return optional.HasValue ? Index(optional.Value, index) : CelOptional.None;
            case CelMap map:
                return map.TryGetValue(index, out var value) ? CelOptional.Of(value) : CelOptional.None;
            case CelList list:
                long? position = index switch
                {
                    long l => l,
                    ulong u when u <= long.MaxValue => (long)u,
                    double d when CelNumbers.TryDoubleToLong(d, out var whole) => whole,
                    _ => null,
                };
                if (position is not { } p)
                {
                    return CelError.NoMatchingOverload(Syntax.Operators.OptionalIndex, [operand, index]);
                }

                return p >= 0 && p < list.Count ? CelOptional.Of(list.Items[(int)p]) : CelOptional.None;
            default:
                return CelError.NoMatchingOverload(Syntax.Operators.OptionalIndex, [operand, index]);
        }
    }
}
