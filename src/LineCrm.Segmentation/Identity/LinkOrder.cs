using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// The order a batch of links is applied in: by type priority class (the better rank of the two ends, then the
/// other rank), then by time, then by position. A counting sort by class keeps it linear for the usual batch,
/// and a class already in time order is not sorted again.
/// </summary>
internal static class LinkOrder
{
    public static int[] Of(IdentityLink[] links, GraphState state)
    {
        var rules = state.Rules;
        var ranks = rules.UnlistedRank + 1;
        var classes = new int[links.Length];
        var perClass = new int[(ranks * ranks) + 1];
        var lastFrom = (default(IdentifierType), 0);
        var lastTo = lastFrom;
        for (var i = 0; i < links.Length; i++)
        {
            var a = Rank(links[i].From.Type, ref lastFrom, rules);
            var b = Rank(links[i].To.Type, ref lastTo, rules);
            var linkClass = a <= b ? (a * ranks) + b : (b * ranks) + a;
            classes[i] = linkClass;
            perClass[linkClass + 1]++;
        }

        for (var c = 1; c < perClass.Length; c++)
        {
            perClass[c] += perClass[c - 1];
        }

        var order = new int[links.Length];
        var next = (int[])perClass.Clone();
        for (var i = 0; i < links.Length; i++)
        {
            order[next[classes[i]]++] = i;
        }

        for (var c = 0; c + 1 < perClass.Length; c++)
        {
            SortByTime(order.AsSpan(perClass[c], perClass[c + 1] - perClass[c]), links);
        }

        return order;
    }

    private static int Rank(IdentifierType type, ref (IdentifierType Type, int Rank) last, CompiledRules rules)
    {
        // Batches are mostly one or two types: remember the last answer instead of hashing the name each time.
        if (type == last.Type)
        {
            return last.Rank;
        }

        last = (type, rules.RankOf(type));
        return last.Rank;
    }

    private static void SortByTime(Span<int> indices, IdentityLink[] links)
    {
        for (var i = 1; i < indices.Length; i++)
        {
            if (links[indices[i]].At.UtcTicks < links[indices[i - 1]].At.UtcTicks)
            {
                indices.Sort((x, y) =>
                {
                    var byTime = links[x].At.UtcTicks.CompareTo(links[y].At.UtcTicks);
                    return byTime != 0 ? byTime : x.CompareTo(y);
                });
                return;
            }
        }
    }
}
