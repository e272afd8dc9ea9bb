namespace LineCrm.Segmentation.Identity;

/// <remarks>This part: explaining why two identifiers are one person.</remarks>
internal sealed partial class GraphState
{
    /// <summary>
    /// A shortest chain of links from <paramref name="from"/> to <paramref name="to"/> (breadth-first), as
    /// (node, next node, link) steps; null when they are not connected. Neighbours are visited by link time and
    /// then node age, so the chain depends only on the graph's content, not on how its memory was laid out.
    /// </summary>
    public List<(int From, int To, int Link)>? Chain(int from, int to)
    {
        var previous = new Dictionary<int, (int Node, int Link)> { [from] = (-1, -1) };
        var queue = new Queue<int>();
        queue.Enqueue(from);
        var neighbours = new List<(long Ticks, int Node, int Link)>();
        while (queue.Count > 0 && !previous.ContainsKey(to))
        {
            var node = queue.Dequeue();
            neighbours.Clear();
            for (var half = _firstHalf[node]; half >= 0; half = _halfNext[half])
            {
                neighbours.Add((_linkTicks[half >> 1], _halfNode[half ^ 1], half >> 1));
            }

            neighbours.Sort();
            foreach (var (_, other, link) in neighbours)
            {
                if (previous.TryAdd(other, (node, link)))
                {
                    queue.Enqueue(other);
                }
            }
        }

        if (!previous.ContainsKey(to))
        {
            return null;
        }

        var chain = new List<(int From, int To, int Link)>();
        for (var node = to; node != from;)
        {
            var (back, link) = previous[node];
            chain.Add((back, node, link));
            node = back;
        }

        chain.Reverse();
        return chain;
    }
}
