using LineCrm.Identity;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// The outcome of identity resolution: a dense person number for every identifier in the input, and how the
/// numbers were decided.
/// </summary>
internal sealed record ResolvedPersons(IReadOnlyDictionary<Identifier, int> NumberOf, int Count, string Method)
{
    /// <summary>The person number of each order customer (the order table's old person numbers).</summary>
    public int[] MapCustomers(IReadOnlyList<Identifier> customers) => [.. customers.Select(c => NumberOf[c])];
}
