namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>Indexing and membership for lists and maps.</summary>
internal static class CollectionFunctions
{
    /// <summary><c>list[index]</c> (an int, or a uint or a whole double) or <c>map[key]</c>.</summary>
    public static object Index(object collection, object index)
    {
        switch (collection)
        {
            case CelList list:
                long position;
                switch (index)
                {
                    case long l:
                        position = l;
                        break;
                    case ulong u when u <= long.MaxValue:
                        position = (long)u;
                        break;
                    case double d when CelNumbers.TryDoubleToLong(d, out var whole):
                        position = whole;
                        break;
                    case ulong or double:
                        return CelError.InvalidArgument($"invalid list index {CelValueFormatter.Format(index)}");
                    default:
                        return CelError.NoMatchingOverload(Syntax.Operators.Index, [collection, index]);
                }

                return position >= 0 && position < list.Count
                    ? list.Items[(int)position]
                    : CelError.InvalidArgument($"index {position} out of range for a list of size {list.Count}");
            case CelMap map:
                return map.TryGetValue(index, out var value) ? value : CelError.NoSuchKey(index);
            default:
                return CelError.NoMatchingOverload(Syntax.Operators.Index, [collection, index]);
        }
    }

    public static bool InList(object value, CelList list)
    {
        foreach (var item in list.Items)
        {
            if (CelEquality.Equal(value, item))
            {
                return true;
            }
        }

        return false;
    }

    public static bool InMap(object key, CelMap map) => map.TryGetValue(key, out _);
}
