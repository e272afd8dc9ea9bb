using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// Builds a <see cref="MemberTable"/> through the <see cref="IdentityGraph"/>: each event's identifier resolves to
/// the graph's person (a new identifier becomes a person of its own), and links applied through
/// <see cref="Link"/> or <see cref="AddLinks"/> go to the graph first, with every merge the graph reports moved
/// into the table by <see cref="MemberTable.MergePersons"/>. Facts that arrived before the link that joins their
/// identifiers therefore end up on one person.
/// </summary>
/// <remarks>
/// <para>
/// Apply links through this class rather than to the graph directly while a table built on it exists: a merge
/// done behind its back leaves the absorbed person's facts under a person id the graph no longer has.
/// Splits (<see cref="IdentityGraph.Unlink"/>, <see cref="IdentityGraph.RemoveIdentifier"/>) are not followed:
/// the table does not remember which identifier brought each fact, so after a split rebuild the table from
/// the events.
/// </para>
/// <para>Not thread-safe: one writer feeds the graph and the table, as both require.</para>
/// </remarks>
public sealed class IdentityGraphPersonResolver : IPersonResolver
{
    /// <summary>Resolves through <paramref name="graph"/>.</summary>
    /// <param name="graph">The identity graph; it may already hold identifiers and links.</param>
    public IdentityGraphPersonResolver(IdentityGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
    }

    /// <summary>The identity graph persons come from.</summary>
    public IdentityGraph Graph { get; }

    /// <summary>The graph's person of <paramref name="identifier"/>, adding it as a person of its own when new.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>The person.</returns>
    /// <exception cref="ArgumentException">The identifier is <c>default</c>, or the graph's rules block its value (the refusal is in the graph's audit log).</exception>
    public PersonId Resolve(Identifier identifier) => Graph.ResolveOrAdd(identifier);

    /// <summary>
    /// Applies a link to the graph, moves the facts of a person it absorbs to the survivor in
    /// <paramref name="table"/>, and records the link's identifiers in the table (their types count as linked).
    /// A refused link changes nothing in the table.
    /// </summary>
    /// <param name="link">The link.</param>
    /// <param name="table">A table built with this resolver.</param>
    /// <returns>What the link did to the graph.</returns>
    /// <exception cref="ArgumentException">The table was built with another resolver, or the link is invalid (see <see cref="IdentityGraph.Link"/>).</exception>
    public LinkResult Link(IdentityLink link, MemberTable table)
    {
        CheckTable(table);
        var result = Graph.Link(link);
        if (result.Outcome == LinkOutcome.Merged)
        {
            table.MergePersons(result.Absorbed, result.Person);
        }

        if (result.Outcome != LinkOutcome.Refused)
        {
            table.Append(link);
        }

        return result;
    }

    /// <summary>
    /// Applies a batch of links to the graph (in the graph's batch order, see <see cref="IdentityGraph.AddLinks(IEnumerable{IdentityLink})"/>),
    /// moving facts in <paramref name="table"/> for every merge as the graph reports it, then records the accepted
    /// links' identifiers in the table.
    /// </summary>
    /// <param name="links">The links.</param>
    /// <param name="table">A table built with this resolver.</param>
    /// <returns>The graph's totals.</returns>
    /// <exception cref="ArgumentException">The table was built with another resolver, or a link is invalid (nothing was applied).</exception>
    public LinkBatchResult AddLinks(IEnumerable<IdentityLink> links, MemberTable table)
    {
        ArgumentNullException.ThrowIfNull(links);
        CheckTable(table);
        var all = links as IdentityLink[] ?? [.. links];

        // The batch reports merges one by one, in the order they happen, only through the event: follow them as they come,
        // so that a chain (A into B, then B into C) arrives at the table in an order MergePersons can apply.
        void Follow(object? sender, PersonMerge merge) => table.MergePersons(merge.Absorbed, merge.Surviving);
        Graph.PersonsMerged += Follow;
        LinkBatchResult result;
        try
        {
            result = Graph.AddLinks(all);
        }
        finally
        {
            Graph.PersonsMerged -= Follow;
        }

        foreach (var link in all)
        {
            if (Graph.TryResolve(link.From, out var from) && Graph.TryResolve(link.To, out var to) && from == to)
            {
                table.Append(link);
            }
        }

        return result;
    }

    private void CheckTable(MemberTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!ReferenceEquals(table.Resolver, this))
        {
            throw new ArgumentException("The member table was built with another person resolver; build it with new MemberTable(thisResolver) so its persons are the graph's.", nameof(table));
        }
    }
}
