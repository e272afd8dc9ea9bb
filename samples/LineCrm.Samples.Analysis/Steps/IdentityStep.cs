using System.Globalization;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// Step 2: who is who. Every identifier in the input (LINE user ids, web member ids, store cards, order-file
/// customer ids) is put into the identity graph with the input's identity links; the member table of step 3 is
/// built through the graph, so its persons are the graph's.
/// </summary>
internal static class IdentityStep
{
    public static ResolvedPersons Resolve(AnalysisInput input)
    {
        var graph = new IdentityGraph();
        var identifiers = Distinct(input);
        graph.AddIdentifiers(identifiers);
        var links = graph.AddLinks(input.Links);

        // Identifiers the graph's rules refused are counted, and their facts left out of the member table.
        var persons = new HashSet<PersonId>();
        var unresolved = 0;
        foreach (var identifier in identifiers)
        {
            if (graph.TryResolve(identifier, out var person))
            {
                persons.Add(person);
            }
            else
            {
                unresolved++;
            }
        }

        var method = string.Create(CultureInfo.InvariantCulture,
            $"IdentityGraph: {identifiers.Count:N0} identifiers, {input.Links.Count:N0} links ({links.Joined + links.Merged:N0} joined, {links.AlreadyJoined:N0} already joined, {links.Refused:N0} refused)");
        if (unresolved > 0)
        {
            method += string.Create(CultureInfo.InvariantCulture, $", {unresolved:N0} identifiers refused and left out");
        }

        return new ResolvedPersons(graph, persons.Count, method);
    }

    private static List<Identifier> Distinct(AnalysisInput input)
    {
        var seen = new HashSet<Identifier>();
        var all = new List<Identifier>();
        void Add(Identifier identifier)
        {
            if (seen.Add(identifier))
            {
                all.Add(identifier);
            }
        }

        foreach (var purchase in input.Purchases)
        {
            Add(purchase.Customer);
        }

        foreach (var interaction in input.Interactions)
        {
            Add(interaction.Who);
        }

        foreach (var link in input.Links)
        {
            Add(link.From);
            Add(link.To);
        }

        return all;
    }
}
