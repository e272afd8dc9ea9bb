using LineCrm.Segmentation.Members;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// Step 3: the member table, the one fact store that segments (step 4) and metrics (steps 5 and 6) read, built
/// through the identity graph of step 2, so a LINE friend's clicks, the web member's orders and the store card's
/// orders are one member's facts.
/// </summary>
internal static class MemberStep
{
    public static MemberTable Build(AnalysisInput input, ResolvedPersons persons)
    {
        var resolver = new IdentityGraphPersonResolver(persons.Graph);
        var table = new MemberTable(resolver);

        // Identifiers the graph's rules refused (step 2 counted them) have no person to hold their facts.
        var graph = persons.Graph;
        foreach (var interaction in input.Interactions.Where(i => graph.Contains(i.Who)))
        {
            table.Append(interaction);
        }

        foreach (var purchase in input.Purchases.Where(p => graph.Contains(p.Customer)))
        {
            table.Append(purchase);
        }

        // The graph already holds these links (step 2), so nothing merges here; applying them through the
        // resolver records which identifier types each person has linked ("web" in linked, "store" in linked).
        // Links that arrive later would merge persons in the graph and move their facts in the table alike.
        resolver.AddLinks(input.Links, table);
        table.Compact();
        return table;
    }
}
