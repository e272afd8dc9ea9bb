using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// What the job analyses, as the events the readers and the demo yield: the purchases, the LINE interactions and
/// identity links (none for order files, which carry no LINE data), the "as of" time every figure is computed at,
/// and an account of what could not be loaded. The member table is built from these events and everything
/// after it reads the table.
/// </summary>
internal sealed record AnalysisInput(
    string Source,
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
