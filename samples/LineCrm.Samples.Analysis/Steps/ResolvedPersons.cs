using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// The outcome of identity resolution: the identity graph itself (the member table is built through it), a dense
/// person number for every identifier in the input (what the metrics' tables are numbered by), and how the
/// numbers were decided.
/// </summary>
internal sealed record ResolvedPersons(IdentityGraph Graph, IReadOnlyDictionary<Identifier, int> NumberOf, int Count, string Method)
{
    /// <summary>The person number of each order customer (the order table's old person numbers).</summary>
    public int[] MapCustomers(IReadOnlyList<Identifier> customers) => [.. customers.Select(c => NumberOf[c])];
}
