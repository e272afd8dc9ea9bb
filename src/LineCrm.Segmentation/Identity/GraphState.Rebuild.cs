namespace LineCrm.Segmentation.Identity;

/// <remarks>
/// This part: splitting. Removing a link or an identifier recomputes only the person it belonged to: its nodes
/// are reset and re-joined through their remaining links, and the parts are numbered (the part with the oldest
/// node keeps the person's number, the others get new ones in the order of their oldest nodes).
/// </remarks>
internal sealed partial class GraphState
{
    /// <summary>Removes one link and recomputes its person.</summary>
    /// <returns>The person's number and the person numbers it became.</returns>
    public (int Original, List<int> Persons) Unlink(int link)
    {
        var root = Find(_halfNode[2 * link]);
        var original = _forest[root].Person;
        var members = SortedMembers(root);
        RemoveLink(link);
        return (original, Renumber(members, original));
    }

    /// <summary>Removes a node with its links and recomputes its person.</summary>
    public (int Original, List<int> Persons) RemoveNode(int node)
    {
        var root = Find(node);
        var original = _forest[root].Person;
        var members = SortedMembers(root);
        while (_firstHalf[node] >= 0)
        {
            RemoveLink(_firstHalf[node] >> 1);
        }

        ForgetNode(node);
        members.Remove(node);
        _forest[node].Parent = -1;
        _ring[node] = node;
        _forest[node].Person = 0;
        return (original, Renumber(members, original));
    }

    /// <param name="members">The person's remaining nodes, oldest first.</param>
    /// <param name="original">The person's number.</param>
    private List<int> Renumber(List<int> members, int original)
    {
        _personRoot[original] = -1;
        _personCount--;
        foreach (var node in members)
        {
            InitializeForestNode(node, _nodeType[node]);
        }

        foreach (var node in members)
        {
            for (var half = _firstHalf[node]; half >= 0; half = _halfNext[half])
            {
                // Each link once, from its lower end; every link of these nodes stays inside the person.
                var other = _halfNode[half ^ 1];
                if (node < other)
                {
                    UnionUnnumbered(node, other);
                }
            }
        }

        var persons = new List<int>();
        foreach (var node in members)
        {
            var root = Find(node);
            if (_forest[root].Person != 0)
            {
                continue;
            }

            if (persons.Count == 0)
            {
                _forest[root].Person = original;
                _personRoot[original] = root;
                _personCount++;
                persons.Add(original);
            }
            else
            {
                persons.Add(NewPerson(root));
            }
        }

        return persons;
    }
}
