namespace LineCrm.Benchmarks.Identity;

/// <summary>
/// The textbook union-find over numbered nodes (union by size, path halving): the reference the identity graph's
/// components are compared with. Every node starts as a component of its own.
/// </summary>
internal sealed class UnionFind
{
    // Minus the size at a root, the parent elsewhere.
    private readonly int[] _parent;

    public UnionFind(int nodes)
    {
        _parent = new int[nodes];
        Array.Fill(_parent, -1);
    }

    public void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b)
        {
            return;
        }

        if (_parent[a] > _parent[b])
        {
            (a, b) = (b, a);
        }

        _parent[a] += _parent[b];
        _parent[b] = a;
    }

    /// <summary>Components among nodes 0 to <paramref name="used"/> - 1.</summary>
    public int Components(int used)
    {
        var roots = 0;
        for (var node = 0; node < used; node++)
        {
            roots += _parent[node] < 0 ? 1 : 0;
        }

        return roots;
    }

    /// <summary>Components among the nodes marked in <paramref name="among"/>.</summary>
    public int ComponentsAmong(bool[] among)
    {
        var roots = 0;
        for (var node = 0; node < among.Length; node++)
        {
            roots += among[node] && _parent[node] < 0 ? 1 : 0;
        }

        return roots;
    }

    private int Find(int node)
    {
        while (_parent[node] >= 0)
        {
            var up = _parent[node];
            if (_parent[up] >= 0)
            {
                _parent[node] = _parent[up];
            }

            node = up;
        }

        return node;
    }
}
