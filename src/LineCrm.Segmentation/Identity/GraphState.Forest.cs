namespace LineCrm.Segmentation.Identity;

/// <remarks>
/// This part: the union-find forest of persons (parent and person number side by side, so resolving a root
/// touches one cache line). A root's parent entry is minus its size (union by size); other
/// nodes point towards the root and writers halve the path as they walk it (path compression). Each root
/// carries its person's number and per-type counts for the rules; each person's nodes form a ring through
/// <c>_ring</c>, so a person's identifiers can be listed without scanning the graph.
/// </remarks>
internal sealed partial class GraphState
{
    private ForestNode[] _forest = [];
    private int[] _ring = [];
    private byte[] _counts = [];
    private int[] _personRoot = [0];
    private int _lastPerson;
    private int _personCount;

    /// <summary>Persons that exist.</summary>
    public int PersonCount => _personCount;

    /// <summary>The number of the last person handed out.</summary>
    public int LastPerson => _lastPerson;

    /// <summary>The root of a node, halving the path on the way (writers only).</summary>
    public int Find(int node)
    {
        var forest = _forest;
        while (true)
        {
            var up = forest[node].Parent;
            if (up < 0)
            {
                return node;
            }

            var upUp = forest[up].Parent;
            if (upUp < 0)
            {
                return up;
            }

            forest[node].Parent = upUp;
            node = upUp;
        }
    }

    /// <summary>The root of a node without changing anything, so readers may run side by side.</summary>
    public int FindReadOnly(int node)
    {
        var forest = _forest;
        var up = forest[node].Parent;
        while (up >= 0)
        {
            node = up;
            up = forest[node].Parent;
        }

        return node;
    }

    /// <summary>The person number of a node (readers).</summary>
    public int PersonOf(int node) => _forest[FindReadOnly(node)].Person;

    public int PersonOfRoot(int root) => _forest[root].Person;

    public int SizeOfRoot(int root) => -_forest[root].Parent;

    public int CountOfRoot(int root, int slot) => _counts[(root * _rules.SlotCount) + slot];

    /// <summary>The root of a person, or -1 when the person does not exist.</summary>
    /// <remarks>A loaded snapshot's column reaches only the highest person number held, so numbers past it answer -1 too.</remarks>
    public int RootOfPerson(long person)
        => person > 0 && person <= _lastPerson && person < _personRoot.Length ? _personRoot[person] : -1;

    /// <summary>The nodes of a root's person, in ring order.</summary>
    public IEnumerable<int> Members(int root)
    {
        var node = root;
        do
        {
            yield return node;
            node = _ring[node];
        }
        while (node != root);
    }

    /// <summary>The nodes of a root's person, oldest first.</summary>
    public List<int> SortedMembers(int root)
    {
        var members = new List<int>(SizeOfRoot(root));
        members.AddRange(Members(root));
        members.Sort();
        return members;
    }

    /// <summary>Makes room for <paramref name="count"/> more person numbers, so a batch grows that column once.</summary>
    public void ReservePersons(int count)
    {
        var needed = Math.Min(Array.MaxLength, (long)_lastPerson + count + 1);
        if (needed > _personRoot.Length)
        {
            var grown = Math.Min(Array.MaxLength, Math.Max(16, _personRoot.Length + (_personRoot.Length / 2L)));
            var old = _personRoot.Length;
            LargeArray.Resize(ref _personRoot, (int)Math.Max(needed, grown));

            // Numbers not handed out yet are overwritten when they are; those between a loaded snapshot's highest
            // person and its last one (see NumberPersons) belong to nobody.
            _personRoot.AsSpan(old).Fill(-1);
        }
    }

    /// <summary>Gives a root a new person number.</summary>
    public int NewPerson(int root)
    {
        if (_lastPerson == int.MaxValue)
        {
            throw new InvalidOperationException($"An identity graph hands out at most {int.MaxValue} person numbers.");
        }

        ReservePersons(1);
        var person = ++_lastPerson;

        _personRoot[person] = root;
        _forest[root].Person = person;
        _personCount++;
        return person;
    }

    /// <summary>Adds a new node (a person of one, with no number yet) to the person of <paramref name="root"/>.</summary>
    public void Attach(int node, int root)
    {
        _forest[root].Parent += _forest[node].Parent;
        _forest[node].Parent = root;
        (_ring[root], _ring[node]) = (_ring[node], _ring[root]);
        AddCounts(root, node);
    }

    /// <summary>Merges two persons; the larger tree's root stays root, the older (smaller) person number survives.</summary>
    /// <returns>The new root.</returns>
    public int Union(int rootA, int rootB, out int surviving, out int absorbed)
    {
        var personA = _forest[rootA].Person;
        var personB = _forest[rootB].Person;
        surviving = Math.Min(personA, personB);
        absorbed = Math.Max(personA, personB);
        if (_forest[rootA].Parent > _forest[rootB].Parent)
        {
            (rootA, rootB) = (rootB, rootA);
        }

        _forest[rootA].Parent += _forest[rootB].Parent;
        _forest[rootB].Parent = rootA;
        (_ring[rootA], _ring[rootB]) = (_ring[rootB], _ring[rootA]);
        AddCounts(rootA, rootB);
        _forest[rootA].Person = surviving;
        _personRoot[surviving] = rootA;
        _personRoot[absorbed] = -1;
        _personCount--;
        return rootA;
    }

    /// <summary>Unions two trees during a rebuild, before person numbers are given.</summary>
    private void UnionUnnumbered(int a, int b)
    {
        var rootA = Find(a);
        var rootB = Find(b);
        if (rootA == rootB)
        {
            return;
        }

        if (_forest[rootA].Parent > _forest[rootB].Parent)
        {
            (rootA, rootB) = (rootB, rootA);
        }

        _forest[rootA].Parent += _forest[rootB].Parent;
        _forest[rootB].Parent = rootA;
        (_ring[rootA], _ring[rootB]) = (_ring[rootB], _ring[rootA]);
        AddCounts(rootA, rootB);
    }

    private void InitializeForestNode(int node, int typeIndex)
    {
        _forest[node].Parent = -1;
        _ring[node] = node;
        _forest[node].Person = 0;
        var slots = _rules.SlotCount;
        if (slots > 0)
        {
            _counts.AsSpan(node * slots, slots).Clear();
            var slot = _typeRules[typeIndex].LimitSlot;
            if (slot >= 0)
            {
                _counts[(node * slots) + slot] = 1;
            }
        }
    }

    private void AddCounts(int root, int other)
    {
        var slots = _rules.SlotCount;
        for (var s = 0; s < slots; s++)
        {
            // Saturating: rules keep counts within limits (at most 255), but a person joined without rules (a
            // snapshot of a graph that had none) may hold more; the count then only says "over any limit".
            var sum = _counts[(root * slots) + s] + _counts[(other * slots) + s];
            _counts[(root * slots) + s] = (byte)Math.Min(sum, byte.MaxValue);
        }
    }

    private void ResizeForest(int size)
    {
        LargeArray.Resize(ref _forest, size);
        LargeArray.Resize(ref _ring, size);
        LargeArray.Resize(ref _counts, size * _rules.SlotCount);
    }
}

/// <summary>One node of the union-find forest.</summary>
internal struct ForestNode
{
    /// <summary>The parent node, or minus the person's size at a root.</summary>
    public int Parent;

    /// <summary>At a root, the person's number (0 while a rebuild has not numbered it yet).</summary>
    public int Person;
}
