using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// What the job analyses: the orders in columns, numbered by the customer identifier they carry
/// (<see cref="OrderCustomers"/>, before identity resolution), the same orders as purchase events (what the
/// member table is built from), the LINE interactions and identity links (none for order files, which carry no
/// LINE data), the "as of" time every figure is computed at, and an account of what could not be loaded.
/// </summary>
internal sealed record AnalysisInput(
    string Source,
    OrderTable Orders,
    IReadOnlyList<Identifier> OrderCustomers,
    IReadOnlyList<Purchase> Purchases,
    IReadOnlyList<Interaction> Interactions,
    IReadOnlyList<IdentityLink> Links,
    DateTimeOffset AsOf,
    InputAccount Account)
{
    public bool HasLineData => Interactions.Count > 0;
}

/// <summary>Rows read and rows left out (with the first problems, line numbers included).</summary>
internal sealed record InputAccount(int Rows, int InvalidRows, IReadOnlyList<string> Problems);
