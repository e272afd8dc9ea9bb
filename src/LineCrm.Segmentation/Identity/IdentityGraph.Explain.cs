using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <remarks>This part: explaining.</remarks>
public sealed partial class IdentityGraph
{
    /// <summary>
    /// Why two identifiers are one person: a shortest chain of links from <paramref name="from"/> to
    /// <paramref name="to"/>, each step oriented along the chain and carrying the time and source of the link's
    /// earliest observation (in UTC).
    /// </summary>
    /// <returns>The chain; empty when <paramref name="from"/> equals <paramref name="to"/>.</returns>
    /// <exception cref="ArgumentException">An identifier is <c>default</c>.</exception>
    /// <exception cref="KeyNotFoundException">The graph does not hold one of them.</exception>
    /// <exception cref="InvalidOperationException">They belong to different persons; the message names both.</exception>
    public IReadOnlyList<IdentityLink> Explain(Identifier from, Identifier to)
    {
        var state = _state;
        var a = NodeOf(state, Require(from, nameof(from)));
        var b = NodeOf(state, Require(to, nameof(to)));
        if (a == b)
        {
            return [];
        }

        var chain = state.Chain(a, b)
            ?? throw new InvalidOperationException($"'{from}' is person P{state.PersonOf(a)} and '{to}' is person P{state.PersonOf(b)}: no chain of links joins them.");
        return [.. chain.Select(step => new IdentityLink(
            state.IdentifierOf(step.From),
            state.IdentifierOf(step.To),
            new DateTimeOffset(state.LinkTicks(step.Link), TimeSpan.Zero),
            state.LinkSourceOf(step.Link)))];
    }

    private static int NodeOf(GraphState state, Identifier identifier)
    {
        var node = state.FindNode(identifier);
        return node >= 0 ? node : throw new KeyNotFoundException($"The identity graph does not hold '{identifier}'.");
    }
}
