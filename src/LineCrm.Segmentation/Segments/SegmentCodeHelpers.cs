using LineCrm.Segmentation.Expressions.Extensions;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>Small methods compiled segment code calls for what is awkward to spell as an expression tree.</summary>
internal static class SegmentCodeHelpers
{
    /// <summary>The value id (id + 1, as the column stores it, minus one) of an attribute; <c>no_such_key</c> when unset.</summary>
    public static int AttributeId(int[] column, int row, string key)
    {
        var stored = SegmentRuntime.At(column, row);
        return stored == 0 ? throw SegmentRuntime.NoSuchKey(key) : stored - 1;
    }

    /// <summary>The text of an attribute; <c>no_such_key</c> when unset.</summary>
    public static string Attribute(int[] column, int row, AttributeColumns attributes, string key) =>
        attributes.Values[AttributeId(column, row, key)];

    /// <summary>The error of a person's evaluation that went past <paramref name="cap"/> comprehension iterations.</summary>
    public static Expressions.CelLimitExceededException IterationLimit(long cap) =>
        new(nameof(Expressions.CelLimits.MaxComprehensionIterations), cap, 0, 0);

    /// <summary><c>text.replace(old, replacement)</c>, refused before it is built when longer than <paramref name="maxLength"/> characters.</summary>
    public static string Replace(string text, string old, string replacement, long maxLength) => Replace(text, old, replacement, -1, maxLength);

    /// <summary><c>text.replace(old, replacement, count)</c>, refused before it is built when longer than <paramref name="maxLength"/> characters.</summary>
    public static string Replace(string text, string old, string replacement, long count, long maxLength) =>
        ResultSizes.Replaced(text, old, replacement, count) > maxLength
            ? throw new Expressions.CelLimitExceededException(nameof(Expressions.CelLimits.MaxAllocationBytes), maxLength * Expressions.Evaluation.CelCostBudget.BytesPerChar, 0, 0)
            : StringsFunctions.Replace(text, old, replacement, count);

    public static bool ContainsId(int[] ids, int start, int count, int id) => Array.IndexOf(ids, id, start, count) >= 0;

    public static int TagCount(MemberTable table, int row) => table.Tags.Of(row).Count;

    /// <summary><c>element in collection</c> by text, for elements that are not constants.</summary>
    public static bool InCollection(MemberTable table, int row, Collection collection, int purchase, string element)
    {
        switch (collection)
        {
            case Collection.Tags:
                var tag = table.Tags.Names.Find(element);
                return tag != StringPool.None && table.Tags.Has(row, tag);
            case Collection.LinkedTypes:
                for (var bit = 0; bit < table.IdentifierTypes.Count; bit++)
                {
                    if (table.IdentifierTypes[bit].Name == element)
                    {
                        return (table.Columns.LinkedTypes[row] & (1 << bit)) != 0;
                    }
                }

                return false;
            default:
                var id = table.Categories.Find(element);
                var p = table.Purchases;
                return id != StringPool.None && ContainsId(p.CategoryIds, p.CategoryStart[purchase], p.CategoryCount[purchase], id);
        }
    }
}
