using System.Globalization;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// Step 2: who is who. Every identifier in the input (LINE user ids, web member ids, store cards, order-file
/// customer ids) is put into the identity graph with the input's identity links, and gets the dense number of
/// the person the graph resolves it to.
/// </summary>
internal static class IdentityStep
{
    public static ResolvedPersons Resolve(AnalysisInput input)
    {
        var graph = new IdentityGraph();
        var identifiers = Distinct(input);
        graph.AddIdentifiers(identifiers);
        var links = graph.AddLinks(input.Links);

        // Persons are numbered in the order their first identifier appears, so runs are reproducible.
        var persons = new PersonIndex<PersonId>();
        var numbers = new Dictionary<Identifier, int>(identifiers.Count);
        var unresolved = 0;
        foreach (var identifier in identifiers)
        {
            if (graph.TryResolve(identifier, out var person))
            {
                numbers.Add(identifier, persons.GetOrAdd(person));
            }
            else
            {
                unresolved++; // refused by the graph's rules: kept apart, and counted below
            }
        }

        var count = persons.Count;
        foreach (var identifier in identifiers.Where(i => !numbers.ContainsKey(i)))
        {
            numbers.Add(identifier, count++);
        }

        var method = string.Create(CultureInfo.InvariantCulture,
            $"IdentityGraph: {identifiers.Count:N0} identifiers, {input.Links.Count:N0} links ({links.Joined + links.Merged:N0} joined, {links.AlreadyJoined:N0} already joined, {links.Refused:N0} refused)");
        if (unresolved > 0)
        {
            method += string.Create(CultureInfo.InvariantCulture, $", {unresolved:N0} identifiers refused and kept apart");
        }

        return new ResolvedPersons(graph, numbers, count, method);
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

        foreach (var customer in input.OrderCustomers)
        {
            Add(customer);
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
