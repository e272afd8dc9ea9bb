using LineCrm.Events;

namespace LineCrm.Segmentation.Identity;

/// <remarks>
/// This part: the links, one per pair of identifiers (a pair seen again keeps its earliest observation). Each
/// link is two half-links, <c>2e</c> (from) and <c>2e + 1</c> (to); each node's half-links form a singly linked
/// list, so a person can be re-walked when a link is removed, and a link costs 26 bytes.
/// </remarks>
internal sealed partial class GraphState
{
    private int[] _firstHalf = [];
    private int[] _halfNode = [];
    private int[] _halfNext = [];
    private long[] _linkTicks = [];
    private ushort[] _linkSource = [];
    private int _linkSlots;
    private int _linkCount;
    private int _freeLink = -1;
    private readonly List<LinkSource> _sources = [];
    private readonly Dictionary<string, ushort> _sourceIndex = new(StringComparer.Ordinal);

    /// <summary>Links held.</summary>
    public int LinkCount => _linkCount;

    /// <summary>Link slots handed out, free ones included.</summary>
    public int LinkSlots => _linkSlots;

    public IReadOnlyList<LinkSource> Sources => _sources;

    public bool IsLinkLive(int link) => _halfNode[2 * link] >= 0;

    public int LinkFrom(int link) => _halfNode[2 * link];

    public int LinkTo(int link) => _halfNode[(2 * link) + 1];

    public long LinkTicks(int link) => _linkTicks[link];

    public LinkSource LinkSourceOf(int link) => _sources[_linkSource[link]];

    /// <summary>The link between two nodes, or -1. Walks both lists in step, so the cost is the shorter one's length.</summary>
    public int FindLink(int a, int b)
    {
        var fromA = _firstHalf[a];
        var fromB = _firstHalf[b];
        while (fromA >= 0 && fromB >= 0)
        {
            if (_halfNode[fromA ^ 1] == b)
            {
                return fromA >> 1;
            }

            if (_halfNode[fromB ^ 1] == a)
            {
                return fromB >> 1;
            }

            fromA = _halfNext[fromA];
            fromB = _halfNext[fromB];
        }

        return -1;
    }

    /// <summary>The half-links of a node: the other end of half-link <c>h</c> is <see cref="OtherEnd"/>.</summary>
    public IEnumerable<int> HalfLinks(int node)
    {
        for (var half = _firstHalf[node]; half >= 0; half = _halfNext[half])
        {
            yield return half;
        }
    }

    public int OtherEnd(int half) => _halfNode[half ^ 1];

    /// <summary>Adds a link between two nodes not yet linked.</summary>
    public int AddLink(int from, int to, long ticks, LinkSource source)
    {
        int link;
        if (_freeLink >= 0)
        {
            link = _freeLink;
            _freeLink = _halfNext[2 * link];
        }
        else
        {
            link = _linkSlots;
            EnsureEdgeCapacity(link + 1);
            _linkSlots++;
        }

        _halfNode[2 * link] = from;
        _halfNode[(2 * link) + 1] = to;
        _halfNext[2 * link] = _firstHalf[from];
        _firstHalf[from] = 2 * link;
        _halfNext[(2 * link) + 1] = _firstHalf[to];
        _firstHalf[to] = (2 * link) + 1;
        _linkTicks[link] = ticks;
        _linkSource[link] = SourceIndex(source);
        _linkCount++;
        return link;
    }

    /// <summary>Records another observation of a link; the earliest one is kept.</summary>
    public void Observe(int link, long ticks, LinkSource source)
    {
        if (ticks < _linkTicks[link])
        {
            _linkTicks[link] = ticks;
            _linkSource[link] = SourceIndex(source);
        }
    }

    /// <summary>Removes a link from both ends' lists and frees its slot.</summary>
    public void RemoveLink(int link)
    {
        Unhook(_halfNode[2 * link], 2 * link);
        Unhook(_halfNode[(2 * link) + 1], (2 * link) + 1);
        _halfNode[2 * link] = -1;
        _halfNode[(2 * link) + 1] = -1;
        _halfNext[2 * link] = _freeLink;
        _freeLink = link;
        _linkCount--;
    }

    private void Unhook(int node, int half)
    {
        if (_firstHalf[node] == half)
        {
            _firstHalf[node] = _halfNext[half];
            return;
        }

        var previous = _firstHalf[node];
        while (_halfNext[previous] != half)
        {
            previous = _halfNext[previous];
        }

        _halfNext[previous] = _halfNext[half];
    }

    private ushort SourceIndex(LinkSource source)
    {
        // Links mostly carry the well-known sources: find them by reference before hashing the name.
        for (var i = 0; i < _sources.Count && i < 8; i++)
        {
            if (ReferenceEquals(_sources[i], source))
            {
                return (ushort)i;
            }
        }

        if (_sourceIndex.TryGetValue(source.Name, out var index))
        {
            return index;
        }

        if (_sources.Count > ushort.MaxValue)
        {
            throw new InvalidOperationException($"An identity graph records at most {ushort.MaxValue + 1} link sources; '{source}' would be one more.");
        }

        index = (ushort)_sources.Count;
        _sources.Add(source);
        _sourceIndex.Add(source.Name, index);
        return index;
    }

    /// <summary>Makes room for <paramref name="count"/> more links, so a batch grows the link columns once rather than step by step.</summary>
    public void ReserveLinks(int count) => EnsureEdgeCapacity((int)Math.Min(Array.MaxLength / 2, (long)_linkSlots + count));

    /// <summary>
    /// Gives back link room a batch reserved and did not use (repeated and refused links take none), when it is more
    /// than growing step by step would have left.
    /// </summary>
    public void TrimLinks()
    {
        var size = Math.Max(16, _linkSlots);
        if (_linkTicks.Length <= size + (size / 2))
        {
            return;
        }

        ResizeLinkColumns(size);
    }

    private void EnsureEdgeCapacity(int needed)
    {
        if (needed <= _linkTicks.Length)
        {
            return;
        }

        var size = (int)Math.Clamp(Math.Max(needed, _linkTicks.Length + (_linkTicks.Length / 2L)), 16, Array.MaxLength / 2);
        if (size < needed)
        {
            throw new InvalidOperationException($"An identity graph holds at most {size} links.");
        }

        ResizeLinkColumns(size);
    }

    private void ResizeLinkColumns(int size)
    {
        LargeArray.Resize(ref _halfNode, 2 * size);
        LargeArray.Resize(ref _halfNext, 2 * size);
        LargeArray.Resize(ref _linkTicks, size);
        LargeArray.Resize(ref _linkSource, size);
    }
}
