using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <remarks>
/// This part: the bulk path of a batch of links into a graph that holds no links yet (<see cref="IdentityGraph"/>'s
/// <c>BulkLinks</c>). It does in two passes what <see cref="Apply(IdentityLink, int, int)"/> does link by link:
/// <list type="number">
/// <item><see cref="JoinDeferred"/>, in the batch's order, decides each link exactly as <see cref="Apply(IdentityLink, int, int)"/>
/// would (rules, new nodes, unions, person numbers) but writes no link record: no decision reads the link records,
/// only the forest, the rule counts and the key tables.</item>
/// <item><see cref="RecordLinks"/> then writes every accepted link's record at once, in the slots, lists, times and
/// sources one by one would have given them.</item>
/// </list>
/// </remarks>
internal sealed partial class GraphState
{
    /// <summary>
    /// Decides one valid link as <see cref="Apply(IdentityLink, int, int)"/> does and makes the same changes to nodes,
    /// forest and persons, without its link record (<see cref="RecordLinks"/> writes them all afterwards). Its ends,
    /// looked up beforehand (-1: not held then), come back as the nodes they are now (-1 when refused). Must mirror
    /// <c>Apply</c>'s checks one for one; the bulk-versus-one-by-one properties compare the two byte for byte.
    /// </summary>
    public Applied JoinDeferred(IdentityLink link, ref int from, ref int to)
    {
        from = from >= 0 ? from : FindNode(link.From);
        to = to >= 0 ? to : FindNode(link.To);
        if (from < 0 && IsBlocked(link.From, out var fromRefused))
        {
            return fromRefused;
        }

        if (to < 0 && IsBlocked(link.To, out var toRefused))
        {
            return toRefused;
        }

        if (from >= 0 && to >= 0)
        {
            return JoinExistingDeferred(link, from, to);
        }

        if (from >= 0)
        {
            var added = JoinNewDeferred(link, from, link.From, link.To, out to);
            return added;
        }

        if (to >= 0)
        {
            return JoinNewDeferred(link, to, link.To, link.From, out from);
        }

        return JoinBothNewDeferred(link, out from, out to);
    }

    private Applied JoinExistingDeferred(IdentityLink link, int from, int to)
    {
        var rootFrom = Find(from);
        var rootTo = Find(to);
        if (rootFrom == rootTo)
        {
            return new Applied(LinkOutcome.AlreadyJoined, _forest[rootFrom].Person, 0);
        }

        if (RefusalOfMerge(link, from, to, rootFrom, rootTo) is { } refused)
        {
            return refused;
        }

        Union(rootFrom, rootTo, out var surviving, out var absorbed);
        return new Applied(LinkOutcome.Merged, surviving, absorbed);
    }

    private Applied JoinNewDeferred(IdentityLink link, int existing, Identifier existingId, Identifier added, out int node)
    {
        node = -1;
        var root = Find(existing);
        var slot = RuleFor(added.Type).LimitSlot;
        if (slot >= 0 && CountOfRoot(root, slot) + 1 > _rules.Limits[slot])
        {
            return OverLimit(slot, CountOfRoot(root, slot) + 1, (existing, existingId), (-1, default), root, -1, added);
        }

        if (SizeOfRoot(root) + 1L > _rules.MaxPersonSize)
        {
            return TooLarge(SizeOfRoot(root) + 1L, link, root, -1);
        }

        node = AddNode(added, TypeIndex(added.Type, register: true));
        Attach(node, root);
        return new Applied(LinkOutcome.Joined, _forest[root].Person, 0);
    }

    private Applied JoinBothNewDeferred(IdentityLink link, out int from, out int to)
    {
        from = to = -1;
        var slot = RuleFor(link.From.Type).LimitSlot;
        if (slot >= 0 && link.From.Type == link.To.Type && _rules.Limits[slot] < 2)
        {
            return new Applied(
                LinkOutcome.Refused,
                0,
                0,
                IdentityRuleKind.MaxPerPerson,
                RefusalFacts.TwoNewOfOneType(_rules.LimitedTypes[slot], _rules.Limits[slot]),
                [link.From, link.To]);
        }

        from = AddNode(link.From, TypeIndex(link.From.Type, register: true));
        to = AddNode(link.To, TypeIndex(link.To.Type, register: true));
        Attach(to, from);
        var person = NewPerson(from);
        return new Applied(LinkOutcome.Joined, person, 0);
    }

    /// <summary>
    /// Ahead of <see cref="JoinDeferred"/> on a held node: its forest entry (<paramref name="stage"/> 0), then, once that
    /// has arrived, its root's entry, ring and rule counts and the person column at the root's number (stage 1). Only a
    /// prefetch. Unlike <see cref="TouchNode"/> it leaves the link list heads alone: the deferred pass does not read them.
    /// </summary>
    public void TouchForJoin(int node, int stage)
    {
        if (stage == 0)
        {
            CachePrefetch.Line(ref _forest[node]);
            return;
        }

        TouchRootEntries(node);
    }

    /// <summary>
    /// Writes the records of a batch's accepted links after <see cref="JoinDeferred"/> decided them all, as
    /// <see cref="AddLink"/> and <see cref="Observe"/> would have one by one in the batch's order: one slot per pair
    /// (either direction), in the order of the pair's first accepted link, with its direction, time and source (a
    /// batch meets a pair's links in non-decreasing time, see <see cref="LinkRepeats"/>, so the first is the one kept);
    /// link sources registered in the order of those first links; each node's list newest slot first.
    /// </summary>
    /// <param name="all">The batch.</param>
    /// <param name="order">The order it was applied in: link <c>k</c> of the pass is <c>all[order[k]]</c>.</param>
    /// <param name="ends">Both ends' nodes of link <c>k</c> at <c>2k</c> and <c>2k + 1</c>, as <see cref="JoinDeferred"/> left them.</param>
    /// <param name="ticks">Each accepted link's time in ticks.</param>
    /// <param name="accepted">Which links were accepted (joined, merged or already joined).</param>
    /// <param name="parallelism">The cores the repeat search may use; it is not cancelled.</param>
    /// <remarks>The graph must hold no link slot before the batch (<see cref="LinkSlots"/> 0), so every pair is the batch's own.</remarks>
    public void RecordLinks(IdentityLink[] all, int[] order, int[] ends, long[] ticks, bool[] accepted, Parallelism parallelism)
    {
        var repeats = LinkRepeats.Find(ends, accepted, parallelism);
        var slots = 0;
        for (var k = 0; k < order.Length; k++)
        {
            slots += accepted[k] && !repeats[k] ? 1 : 0;
        }

        EnsureEdgeCapacity(slots);
        var slot = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (accepted[k] && !repeats[k])
            {
                _halfNode[2 * slot] = ends[2 * k];
                _halfNode[(2 * slot) + 1] = ends[(2 * k) + 1];
                _linkTicks[slot] = ticks[k];
                _linkSource[slot] = SourceIndex(all[order[k]].Source);
                slot++;
            }
        }

        // Each node's list, newest slot first, as AddLink pushes them. The nodes' heads are random writes: fetch
        // ahead.
        const int Ahead = 64;
        var halves = 2 * slots;
        for (var half = 0; half < halves; half++)
        {
            if (half + Ahead < halves)
            {
                CachePrefetch.Line(ref _firstHalf[_halfNode[half + Ahead]]);
            }

            var node = _halfNode[half];
            _halfNext[half] = _firstHalf[node];
            _firstHalf[node] = half;
        }

        _linkSlots = slots;
        _linkCount = slots;
    }
}
