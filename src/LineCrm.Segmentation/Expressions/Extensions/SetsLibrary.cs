using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Evaluation.Library;
using static LineCrm.Segmentation.Expressions.Extensions.LibraryFunctions;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>
/// The sets extension (cel-go <c>ext.Sets</c>), over lists with CEL equality (<c>1 == 1.0</c>):
/// <c>sets.contains(a, b)</c> (every element of b is in a), <c>sets.equivalent(a, b)</c> (each contains the
/// other) and <c>sets.intersects(a, b)</c> (some element in both).
/// </summary>
internal sealed class SetsLibrary : ICelLibrary
{
    private static readonly CelType ListA = CelType.List(CelType.Param("A"));

    public string Name => "cel.lib.ext.sets";

    public CelEnvironment Configure(CelEnvironment environment) => environment
        .WithFunction("sets.contains", Global("list_sets_contains_list", [ListA, ListA], CelType.Bool, a => Contains((CelList)a[0], (CelList)a[1])))
        .WithFunction("sets.equivalent", Global("list_sets_equivalent_list", [ListA, ListA], CelType.Bool, a => Contains((CelList)a[0], (CelList)a[1]) && Contains((CelList)a[1], (CelList)a[0])))
        .WithFunction("sets.intersects", Global("list_sets_intersects_list", [ListA, ListA], CelType.Bool, a => Intersects((CelList)a[0], (CelList)a[1])));

    private static bool Intersects(CelList a, CelList b) => b.Items.Any(item => CollectionFunctions.InList(item, a));

    private static bool Contains(CelList set, CelList subset) => subset.Items.All(item => CollectionFunctions.InList(item, set));
}
