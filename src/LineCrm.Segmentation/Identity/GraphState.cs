using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Everything an <see cref="IdentityGraph"/> knows, in columns indexed by node (one node per identifier, numbered
/// in the order identifiers arrived, never reused): the interned value, the union-find forest of persons, the
/// links. Kept apart from the graph so a snapshot can be loaded into a fresh state and swapped in whole.
/// </summary>
/// <remarks>This part: identifier types and interning.</remarks>
internal sealed partial class GraphState
{
    /// <summary>The type index of a removed node.</summary>
    public const byte Removed = byte.MaxValue;

    /// <summary>The most identifier types a graph holds (type indices are bytes, and one value marks removed nodes).</summary>
    public const int MaxTypes = Removed;

    private readonly CompiledRules _rules;
    private readonly List<IdentifierType> _types = [];
    private readonly List<KeyTable> _tables = [];
    private readonly List<CompiledTypeRule> _typeRules = [];
    private readonly List<int> _typeRanks = [];

    private byte[] _nodeType = [];
    private int[] _nodeKey = [];
    private int _nodeCount;
    private int _liveCount;

    public GraphState(CompiledRules rules)
    {
        _rules = rules;
        foreach (var type in IdentifierType.WellKnown)
        {
            TypeIndex(type, register: true);
        }
    }

    public CompiledRules Rules => _rules;

    /// <summary>Nodes handed out, removed ones included.</summary>
    public int NodeCount => _nodeCount;

    /// <summary>Identifiers held.</summary>
    public int IdentifierCount => _liveCount;

    public IReadOnlyList<IdentifierType> Types => _types;

    public bool IsLive(int node) => _nodeType[node] != Removed;

    public IdentifierType TypeOf(int node) => _types[_nodeType[node]];

    public int TypeIndexOf(int node) => _nodeType[node];

    public CompiledTypeRule RuleOfType(int typeIndex) => _typeRules[typeIndex];

    /// <summary>The rule of a type, without hashing its name when the type has been seen.</summary>
    public CompiledTypeRule RuleFor(IdentifierType type)
    {
        var index = TypeIndex(type, register: false);
        return index >= 0 ? _typeRules[index] : _rules.RuleOf(type);
    }

    public int RankOfType(int typeIndex) => _typeRanks[typeIndex];

    /// <summary>The index of a type; registers it when asked to, otherwise -1 for a type never seen.</summary>
    public int TypeIndex(IdentifierType type, bool register)
    {
        // Linear over a handful of types; the well-known ones compare by reference first.
        var types = _types;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] == type)
            {
                return i;
            }
        }

        if (!register)
        {
            return -1;
        }

        if (types.Count == MaxTypes)
        {
            throw new InvalidOperationException($"An identity graph holds at most {MaxTypes} identifier types; '{type}' would be one more.");
        }

        types.Add(type);
        _tables.Add(type == IdentifierType.LineUser ? new FixedKeyTable("U", 32)
            : type == IdentifierType.EmailSha256 || type == IdentifierType.PhoneSha256 ? new FixedKeyTable(string.Empty, 64)
            : new TextKeyTable());
        _typeRules.Add(_rules.RuleOf(type));
        _typeRanks.Add(_rules.RankOf(type));
        return types.Count - 1;
    }

    /// <summary>The node of an identifier, or -1.</summary>
    public int FindNode(Identifier identifier)
    {
        var type = TypeIndex(identifier.Type, register: false);
        return type < 0 ? -1 : _tables[type].Find(identifier.Value);
    }

    /// <summary>How many values <see cref="FindNodes(ReadOnlySpan{Identifier}, Span{int})"/> brings into the cache at once before looking them up.</summary>
    public const int TouchAhead = 16;

    /// <summary>
    /// The node of each identifier, or -1, for many at once, a block of <see cref="TouchAhead"/> values at a time in
    /// stages: touch the values' text, hash them and touch their key-table slots, touch what the slots point to,
    /// then look them up. Each stage is a short loop whose reads do not depend on each other, so the processor waits
    /// for a block's cache misses side by side where one lookup after another would wait for each in turn. Reads
    /// only, so several threads may look up at once.
    /// </summary>
    public void FindNodes(ReadOnlySpan<Identifier> identifiers, Span<int> nodes) => FindNodes(identifiers, nodes, []);

    /// <summary>
    /// As <see cref="FindNodes(ReadOnlySpan{Identifier}, Span{int})"/>; when <paramref name="valueHashes"/> is not
    /// empty, each value's <see cref="HashOf"/> goes there too (0 for a type not registered), so that a caller that
    /// adds the values not held can prefetch their slots when it comes to them (<see cref="TouchNew"/>).
    /// </summary>
    public void FindNodes(ReadOnlySpan<Identifier> identifiers, Span<int> nodes, Span<uint> valueHashes)
    {
        Span<int> types = stackalloc int[TouchAhead];
        Span<uint> hashes = stackalloc uint[TouchAhead];
        for (var block = 0; block < identifiers.Length; block += TouchAhead)
        {
            var count = Math.Min(identifiers.Length - block, TouchAhead);
            var values = identifiers.Slice(block, count);
            foreach (var identifier in values)
            {
                KeyTable.TouchText(identifier.Value);
            }

            for (var k = 0; k < count; k++)
            {
                types[k] = TypeIndex(values[k].Type, register: false);
                if (types[k] >= 0)
                {
                    hashes[k] = HashOf(types[k], values[k].Value);
                    Touch(types[k], hashes[k]);
                }
            }

            for (var k = 0; k < count; k++)
            {
                if (types[k] >= 0)
                {
                    _tables[types[k]].TouchValue(hashes[k]);
                }
            }

            for (var k = 0; k < count; k++)
            {
                nodes[block + k] = types[k] < 0 ? -1 : _tables[types[k]].Find(values[k].Value, hashes[k]);
            }

            if (!valueHashes.IsEmpty)
            {
                for (var k = 0; k < count; k++)
                {
                    valueHashes[block + k] = types[k] < 0 ? 0 : hashes[k];
                }
            }
        }
    }

    /// <summary>Where a value of a registered type probes its key table (<see cref="KeyTable.HashOf"/>). Reads no graph state.</summary>
    public uint HashOf(int typeIndex, string value) => _tables[typeIndex].HashOf(value);

    /// <summary>Brings a value's key-table slot into the cache ahead of its lookup (<see cref="KeyTable.Touch"/>).</summary>
    public void Touch(int typeIndex, uint hash) => _tables[typeIndex].Touch(hash);

    /// <summary>
    /// For an identifier that was not held when <see cref="FindNodes(ReadOnlySpan{Identifier}, Span{int}, Span{uint})"/>
    /// hashed it: brings its key-table slot into the cache (<paramref name="stage"/> 0), or, once that has arrived, what
    /// the slot points to (stage 1), ahead of the link that will add it or find it added by an earlier link of the
    /// batch. Only a prefetch: a hash that is stale (the type was registered since) merely wastes it.
    /// </summary>
    public void TouchNew(Identifier identifier, uint hash, int stage)
    {
        var type = TypeIndex(identifier.Type, register: false);
        if (type >= 0)
        {
            if (stage == 0)
            {
                Touch(type, hash);
            }
            else
            {
                _tables[type].TouchValue(hash);
            }
        }
    }

    /// <summary>Brings a node's forest entry and link list head into the cache ahead of a link that touches it.</summary>
    public void TouchNode(int node)
    {
        CachePrefetch.Line(ref _forest[node]);
        CachePrefetch.Line(ref _firstHalf[node]);
    }

    /// <summary>
    /// Brings a node's forest entry alone into the cache ahead of resolving its person: a lookup never reads the link
    /// list head that <see cref="TouchNode"/> fetches too, and at tens of millions of values a batch of lookups is
    /// limited by how many lines it fetches.
    /// </summary>
    public void TouchForest(int node) => CachePrefetch.Line(ref _forest[node]);

    /// <summary>
    /// Once <see cref="TouchNode"/>'s lines have arrived: brings into the cache what a link that touches the node reads
    /// next, each a miss of its own that waits for the one before. That is the entry of its parent (the root, nearly
    /// always, in trees that path halving keeps shallow) with the root's ring and rule counts, the person column at a
    /// root's number, and the far end of its newest link, where a repeated link's search starts. Only a prefetch: a
    /// root that changes before the link is applied merely wastes it.
    /// </summary>
    public void TouchRoot(int node)
    {
        TouchRootEntries(node);

        var half = _firstHalf[node];
        if (half >= 0)
        {
            CachePrefetch.Line(ref _halfNode[half ^ 1]);
        }
    }

    /// <summary>The identifier of a live node.</summary>
    public Identifier IdentifierOf(int node)
    {
        var type = _nodeType[node];
        return new Identifier(_types[type], _tables[type].GetValue(node, _nodeKey));
    }

    /// <summary>Adds an identifier that is not held, as a node of its own with no person yet.</summary>
    public int AddNode(Identifier identifier, int typeIndex)
    {
        var node = _nodeCount;
        EnsureNodeCapacity(node + 1);
        _tables[typeIndex].Add(identifier.Value, node, _nodeKey);
        InitializeNode(node, typeIndex);
        return node;
    }

    /// <summary>
    /// Adds an identifier as a person of its own, or finds the person that holds it, in one probe of its key table.
    /// The caller has checked it against the blocked values already (a batch does so for all its identifiers at
    /// once, on all cores).
    /// </summary>
    public Applied AddUnblocked(Identifier identifier, int typeIndex) => AddUnblocked(identifier, typeIndex, null);

    /// <summary>As <see cref="AddUnblocked(Identifier, int)"/>, with the value's <see cref="HashOf"/> when the caller has it.</summary>
    public Applied AddUnblocked(Identifier identifier, int typeIndex, uint? hash)
    {
        var node = _nodeCount;
        EnsureNodeCapacity(node + 1);
        var held = _tables[typeIndex].FindOrAdd(identifier.Value, hash, node, _nodeKey);
        if (held >= 0)
        {
            return new Applied(LinkOutcome.AlreadyJoined, PersonOf(held), 0);
        }

        InitializeNode(node, typeIndex);
        return new Applied(LinkOutcome.Joined, NewPerson(node), 0);
    }

    /// <summary>
    /// Claims a value's entry in its key table for a batch's provisional node (not a node yet), or returns the node
    /// (or provisional node) that holds it already; a new entry's key comes back in <paramref name="key"/> for
    /// <see cref="AcceptClaimed"/>. Each type has a table of its own and this writes no shared column, so workers may
    /// claim in different tables at once.
    /// </summary>
    public int Claim(int typeIndex, string value, uint hash, int provisionalNode, out int key)
        => _tables[typeIndex].Claim(value, hash, provisionalNode, _nodeKey, out key);

    /// <summary>
    /// Makes a claimed value the next node, a person of its own. Its key-table entry is renumbered when earlier
    /// identifiers of the batch did not all become nodes (held already, repeated or refused).
    /// </summary>
    public void AcceptClaimed(int provisionalNode, int typeIndex, int key)
    {
        var node = _nodeCount;
        _nodeKey[node] = key;
        if (node != provisionalNode)
        {
            _tables[typeIndex].Renumber(key, node);
        }

        InitializeNode(node, typeIndex);
        NewPerson(node);
    }

    /// <summary>Makes room in a type's key table for <paramref name="count"/> more values, so a batch never regrows it half way.</summary>
    public void ReserveKeys(int typeIndex, int count) => _tables[typeIndex].EnsureCapacity(_tables[typeIndex].Count + count, _nodeKey);

    private void InitializeNode(int node, int typeIndex)
    {
        _nodeCount++;
        _liveCount++;
        _nodeType[node] = (byte)typeIndex;
        InitializeForestNode(node, typeIndex);
        _firstHalf[node] = -1;
    }

    /// <summary>Forgets a node's value; its links must be gone and its person recomputed by the caller.</summary>
    private void ForgetNode(int node)
    {
        _tables[_nodeType[node]].Remove(node, _nodeKey);
        _nodeType[node] = Removed;
        _liveCount--;
    }

    /// <summary>Makes room for <paramref name="identifiers"/> nodes in all, and as many per type as asked.</summary>
    public void EnsureCapacity(int identifiers, int links)
    {
        EnsureNodeCapacity(identifiers);
        EnsureEdgeCapacity(links);
    }

    private void EnsureNodeCapacity(int needed)
    {
        if (needed <= _nodeType.Length)
        {
            return;
        }

        var size = (int)Math.Clamp(Math.Max(needed, _nodeType.Length + (_nodeType.Length / 2L)), 16, Array.MaxLength / Math.Max(1, _rules.SlotCount));
        if (size < needed)
        {
            throw new InvalidOperationException($"An identity graph holds at most {size} identifiers.");
        }

        LargeArray.Resize(ref _nodeType, size);
        LargeArray.Resize(ref _nodeKey, size);
        LargeArray.Resize(ref _firstHalf, size);
        ResizeForest(size);
    }

    /// <summary>Prefetches a held node's root: its forest entry, ring and rule counts, and the person column at the root's number.</summary>
    private void TouchRootEntries(int node)
    {
        var up = _forest[node].Parent;
        var root = up < 0 ? node : up;
        CachePrefetch.Line(ref _forest[root]);
        CachePrefetch.Line(ref _ring[root]);
        if (_rules.SlotCount > 0)
        {
            CachePrefetch.Line(ref _counts[root * _rules.SlotCount]);
        }

        if (up < 0)
        {
            CachePrefetch.Line(ref _personRoot[_forest[node].Person]);
        }
    }
}
