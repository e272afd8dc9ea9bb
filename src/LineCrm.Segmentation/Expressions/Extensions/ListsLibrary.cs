using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Runtime;
using static LineCrm.Segmentation.Expressions.Extensions.LibraryFunctions;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>
/// The cheap part of the lists extension (cel-go <c>ext.Lists</c>): <c>lists.range(n)</c>,
/// <c>list.slice(from, to)</c>, <c>list.flatten()</c> and <c>flatten(depth)</c>, <c>list.reverse()</c>,
/// <c>list.distinct()</c>, <c>list.sort()</c>. Not here: <c>sortBy</c>, <c>first</c>, <c>last</c>.
/// </summary>
internal sealed class ListsLibrary : ICelLibrary
{
    private static readonly CelType A = CelType.Param("A");
    private static readonly CelType ListA = CelType.List(A);
    private static readonly CelType I = CelType.Int;

    public string Name => "cel.lib.ext.lists";

    public CelEnvironment Configure(CelEnvironment environment) => environment
        .WithFunction("lists.range", Global("lists_range", [I], CelType.List(I), (a, b) => b.ChargeList(Math.Max(0, (long)a[0])), a => Range((long)a[0])))
        .WithFunction("slice", Receiver("list_slice", [ListA, I, I], ListA, a => Slice((CelList)a[0], (long)a[1], (long)a[2])))
        .WithFunction(
            "flatten",
            Receiver("list_flatten", [CelType.List(CelType.Dyn)], CelType.List(CelType.Dyn), a => Flatten((CelList)a[0], 1)),
            Receiver("list_flatten_int", [CelType.List(CelType.Dyn), I], CelType.List(CelType.Dyn), a => Flatten((CelList)a[0], (long)a[1])))
        .WithFunction("reverse", Receiver("list_reverse", [ListA], ListA, a => new CelList([.. ((CelList)a[0]).Items.Reverse()])))
        .WithFunction("distinct", Receiver("list_distinct", [ListA], ListA, a => Distinct((CelList)a[0])))
        .WithFunction("sort", Receiver("list_sort", [ListA], ListA, a => Sort((CelList)a[0])));

    private static CelList Range(long count)
    {
        if (count is < 0 or > int.MaxValue)
        {
            throw new CelRuntimeError(CelRuntimeError.InvalidArgument, $"lists.range({count}) needs a count from 0 to {int.MaxValue}");
        }

        var items = new object[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (long)i;
        }

        return new CelList(items);
    }

    private static CelList Slice(CelList list, long from, long to)
    {
        if (from < 0 || to < 0 || from > to || to > list.Count)
        {
            throw new CelRuntimeError(CelRuntimeError.InvalidArgument, $"slice({from}, {to}) is out of range for a list of size {list.Count}");
        }

        return new CelList([.. list.Items.Skip((int)from).Take((int)(to - from))]);
    }

    private static CelList Flatten(CelList list, long depth)
    {
        if (depth < 0)
        {
            throw new CelRuntimeError(CelRuntimeError.InvalidArgument, "flatten() needs a depth that is not negative");
        }

        var output = new List<object>();
        Append(list, depth, output);
        return new CelList(output);

        static void Append(CelList list, long depth, List<object> output)
        {
            foreach (var item in list.Items)
            {
                if (item is CelList inner && depth > 0)
                {
                    Append(inner, depth - 1, output);
                }
                else
                {
                    output.Add(item);
                }
            }
        }
    }

    private static CelList Distinct(CelList list)
    {
        var output = new List<object>();
        foreach (var item in list.Items)
        {
            if (!output.Exists(kept => CelEquality.Equal(kept, item)))
            {
                output.Add(item);
            }
        }

        return new CelList(output);
    }

    private static CelList Sort(CelList list)
    {
        var items = list.Items.ToArray();
        foreach (var item in items)
        {
            if (!CelEquality.TryCompare(item, items[0], out _))
            {
                throw new CelRuntimeError(CelRuntimeError.InvalidArgument, $"sort() needs elements of one comparable type, not {CelValueTypes.TypeName(item)} and {CelValueTypes.TypeName(items[0])}");
            }
        }

        // A stable sort: equal elements keep their order.
        var ordered = items.Select((item, index) => (Item: item, Index: index)).Order(Comparer<(object Item, int Index)>.Create((x, y) =>
        {
            CelEquality.TryCompare(x.Item, y.Item, out var order);
            return order is { } o && o != 0 ? o : x.Index.CompareTo(y.Index);
        }));
        return new CelList([.. ordered.Select(p => p.Item)]);
    }
}
