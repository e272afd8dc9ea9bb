namespace LineCrm.Segmentation.Expressions.Checking;

/// <summary>
/// Decides whether a value of one type may be used where another is expected, binding type parameters of
/// generic overloads (<c>A</c> in <c>A == A</c>) as it goes. <c>dyn</c> fits everything both ways (gradual typing).
/// </summary>
internal sealed class TypeUnifier
{
    private readonly Dictionary<string, CelType> _bindings = new(StringComparer.Ordinal);

    public bool IsAssignable(CelType expected, CelType actual)
    {
        if (actual.Kind is CelTypeKind.Dyn or CelTypeKind.Error || expected.Kind is CelTypeKind.Dyn or CelTypeKind.Error)
        {
            return true;
        }

        if (expected.Kind == CelTypeKind.TypeParam)
        {
            if (_bindings.TryGetValue(expected.Name, out var bound))
            {
                if (bound.Kind == CelTypeKind.Null && actual.Kind != CelTypeKind.Null)
                {
                    // null then int (as in c ? null : 1) is best described by int.
                    _bindings[expected.Name] = actual;
                    return true;
                }

                return IsAssignable(bound, actual);
            }

            _bindings[expected.Name] = actual;
            return true;
        }

        if (actual.Kind == CelTypeKind.TypeParam)
        {
            return true;
        }

        // null may stand where any value is expected (it compares unequal to other values at run time), as
        // wrappers and messages accept null in cel-go; a non-null value fits where null was bound the same way.
        if (actual.Kind == CelTypeKind.Null || expected.Kind == CelTypeKind.Null)
        {
            return true;
        }

        if (expected.Kind != actual.Kind)
        {
            return false;
        }

        return expected.Kind switch
        {
            CelTypeKind.List or CelTypeKind.Optional => IsAssignable(expected.Parameters[0], actual.Parameters[0]),
            CelTypeKind.Map => IsAssignable(expected.Parameters[0], actual.Parameters[0])
                && IsAssignable(expected.Parameters[1], actual.Parameters[1]),
            CelTypeKind.Object => expected.Name == actual.Name,

            // Type values are compared at run time (type(1) == type(1u) is false, not a type error).
            _ => true,
        };
    }

    /// <summary><paramref name="type"/> with bound type parameters replaced, and unbound ones as dyn.</summary>
    public CelType Substitute(CelType type) => type.Kind switch
    {
        CelTypeKind.TypeParam => _bindings.TryGetValue(type.Name, out var bound) ? Substitute(bound) : CelType.Dyn,
        CelTypeKind.List => CelType.List(Substitute(type.Parameters[0])),
        CelTypeKind.Optional => CelType.Optional(Substitute(type.Parameters[0])),
        CelTypeKind.Map => CelType.Map(Substitute(type.Parameters[0]), Substitute(type.Parameters[1])),
        CelTypeKind.Type when type.Parameters.Length == 1 => CelType.TypeOf(Substitute(type.Parameters[0])),
        _ => type,
    };

    /// <summary>The common type of list elements or map keys/values: the one type if all agree, else dyn.</summary>
    public static CelType Join(IReadOnlyList<CelType> types)
    {
        if (types.Count == 0)
        {
            return CelType.Dyn;
        }

        if (types.Any(t => t.Kind == CelTypeKind.Error))
        {
            return CelType.Error;
        }

        var first = types[0];
        return types.All(t => t.Equals(first)) ? first : CelType.Dyn;
    }
}
