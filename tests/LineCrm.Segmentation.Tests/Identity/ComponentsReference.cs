using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>
/// The reference the graph is checked against: connected components by a plain breadth-first search over an
/// adjacency list, and partitions written as sorted lists of sorted identifier texts so they compare by value.
/// </summary>
internal static class ComponentsReference
{
    public static List<List<string>> Components(IEnumerable<Identifier> nodes, IEnumerable<(Identifier A, Identifier B)> edges)
    {
        var adjacency = new Dictionary<Identifier, List<Identifier>>();
        foreach (var node in nodes)
        {
            adjacency.TryAdd(node, []);
        }

        foreach (var (a, b) in edges)
        {
            adjacency[a].Add(b);
            adjacency[b].Add(a);
        }

        var seen = new HashSet<Identifier>();
        var components = new List<List<string>>();
        foreach (var start in adjacency.Keys)
        {
            if (!seen.Add(start))
            {
                continue;
            }

            var component = new List<string>();
            var queue = new Queue<Identifier>([start]);
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                component.Add(node.ToString());
                foreach (var next in adjacency[node])
                {
                    if (seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            components.Add(component);
        }

        return Canonical(components);
    }

    /// <summary>The graph's persons over the given identifiers (each must be held).</summary>
    public static List<List<string>> Persons(IdentityGraph graph, IEnumerable<Identifier> identifiers)
        => Canonical(identifiers.Distinct().GroupBy(graph.Resolve).Select(g => g.Select(i => i.ToString()).ToList()));

    /// <summary>Every person of the graph, from its own listing.</summary>
    public static List<List<string>> AllPersons(IdentityGraph graph)
        => Canonical(graph.GetPersons().Select(p => graph.GetIdentifiers(p).Select(i => i.ToString()).ToList()));

    public static bool Same(List<List<string>> a, List<List<string>> b)
        => a.Count == b.Count && a.Zip(b).All(pair => pair.First.SequenceEqual(pair.Second, StringComparer.Ordinal));

    public static string Show(List<List<string>> partition) => string.Join(" | ", partition.Select(c => string.Join(",", c)));

    private static List<List<string>> Canonical(IEnumerable<List<string>> components)
    {
        var sorted = components.Select(c => c.Order(StringComparer.Ordinal).ToList()).ToList();
        sorted.Sort((x, y) => StringComparer.Ordinal.Compare(x[0], y[0]));
        return sorted;
    }
}
