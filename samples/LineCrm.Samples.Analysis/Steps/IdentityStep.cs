using LineCrm.Identity;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// Step 2: who is who. Every identifier in the input (LINE user ids, web member ids, store cards, order-file
/// customer ids) gets the number of the person it belongs to.
/// </summary>
internal static class IdentityStep
{
    public static ResolvedPersons Resolve(AnalysisInput input)
    {
        // Without identity links (order files) every customer id is its own person, which is what any
        // resolution would conclude from no evidence.
        if (input.Links.Count == 0)
        {
            return EachIdentifierAlone(input, "none needed: no identity links in the input, each customer id is one person");
        }

        // The identity graph (issue 6) is not on main yet; until it is, links are counted for the funnel's
        // "linked" step but web and store-card orders are NOT joined to the LINE friend they belong to.
        return EachIdentifierAlone(input, "pending: LineCrm IdentityGraph (issue 6) is not available yet, so web and card orders stay apart from LINE friends");
    }

    private static ResolvedPersons EachIdentifierAlone(AnalysisInput input, string method)
    {
        var index = new PersonIndex<Identifier>();
        foreach (var customer in input.OrderCustomers)
        {
            index.GetOrAdd(customer);
        }

        foreach (var interaction in input.Interactions)
        {
            index.GetOrAdd(interaction.Who);
        }

        foreach (var link in input.Links)
        {
            index.GetOrAdd(link.From);
            index.GetOrAdd(link.To);
        }

        var numbers = new Dictionary<Identifier, int>(index.Count);
        for (var i = 0; i < index.Count; i++)
        {
            numbers.Add(index.Keys[i], i);
        }

        return new ResolvedPersons(numbers, index.Count, method);
    }
}
