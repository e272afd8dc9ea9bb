using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>What <see cref="GraphState.Apply(LineCrm.Events.IdentityLink)"/> did: an outcome, the person numbers, and for a refusal the rule and why.</summary>
internal readonly record struct Applied(
    LinkOutcome Outcome,
    int Person,
    int Absorbed,
    IdentityRuleKind Rule = default,
    RefusalFacts Facts = default,
    Identifier[]? Involved = null);

/// <remarks>
/// This part: adding identifiers and links under the rules. Every check happens before anything changes, so a
/// refused link leaves no trace but its audit entry. Blocked values are checked when an identifier is new (an
/// identifier already held was accepted under the same rules).
/// </remarks>
internal sealed partial class GraphState
{
    /// <summary>The audit log, oldest first, within its capacity.</summary>
    public RefusalLog Audit { get; } = new();

    /// <summary>Adds a lone identifier as a person of its own, unless it is held already or blocked.</summary>
    public Applied AddIdentifier(Identifier identifier)
    {
        var node = FindNode(identifier);
        if (node >= 0)
        {
            return new Applied(LinkOutcome.AlreadyJoined, PersonOf(node), 0);
        }

        // The type is registered only once the identifier is accepted: a refusal leaves no trace but its audit entry.
        var rule = RuleFor(identifier.Type);
        var blockedBy = rule.BlockedBy(identifier.Value);
        return blockedBy != CompiledTypeRule.NotBlocked
            ? Blocked(identifier, rule, blockedBy)
            : AddUnblocked(identifier, TypeIndex(identifier.Type, register: true));
    }

    /// <summary>
    /// Adds an identifier whose blocked-value check the caller has made (<paramref name="blockedBy"/>, from
    /// <see cref="CompiledTypeRule.BlockedBy"/>), or finds the person that holds it. A blocked value may still be
    /// held (a snapshot saved under other rules): then it is simply there. A <paramref name="typeIndex"/> of -1 (a
    /// type not registered when the caller looked) registers the type only once the identifier is accepted;
    /// otherwise <paramref name="hash"/> is the value's <see cref="HashOf"/>.
    /// </summary>
    public Applied AddChecked(Identifier identifier, int typeIndex, int blockedBy, uint hash)
        => blockedBy != CompiledTypeRule.NotBlocked && FindNode(identifier) < 0
            ? Blocked(identifier, RuleFor(identifier.Type), blockedBy)
            : typeIndex >= 0 ? AddUnblocked(identifier, typeIndex, hash) : AddUnblocked(identifier, TypeIndex(identifier.Type, register: true));

    /// <summary>Applies one valid link (two different, non-default identifiers).</summary>
    public Applied Apply(IdentityLink link) => Apply(link, FindNode(link.From), FindNode(link.To));

    /// <summary>Applies one valid link whose ends were looked up beforehand (-1: not held then; looked up again).</summary>
    public Applied Apply(IdentityLink link, int from, int to)
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

        var ticks = link.At.UtcTicks;
        if (from >= 0 && to >= 0)
        {
            return JoinExisting(link, from, to, ticks);
        }

        if (from >= 0 || to >= 0)
        {
            return from >= 0 ? JoinNew(link, from, link.From, link.To, ticks, newIsFrom: false) : JoinNew(link, to, link.To, link.From, ticks, newIsFrom: true);
        }

        return JoinBothNew(link, ticks);
    }

    private Applied JoinExisting(IdentityLink link, int from, int to, long ticks)
    {
        var source = link.Source;
        var rootFrom = Find(from);
        var rootTo = Find(to);
        if (rootFrom == rootTo)
        {
            var existing = FindLink(from, to);
            if (existing >= 0)
            {
                Observe(existing, ticks, source);
            }
            else
            {
                AddLink(from, to, ticks, source);
            }

            return new Applied(LinkOutcome.AlreadyJoined, _forest[rootFrom].Person, 0);
        }

        if (RefusalOfMerge(link, from, to, rootFrom, rootTo) is { } refused)
        {
            return refused;
        }

        Union(rootFrom, rootTo, out var surviving, out var absorbed);
        AddLink(from, to, ticks, source);
        return new Applied(LinkOutcome.Merged, surviving, absorbed);
    }

    private Applied JoinNew(IdentityLink link, int existing, Identifier existingId, Identifier added, long ticks, bool newIsFrom)
    {
        var source = link.Source;
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

        var node = AddNode(added, TypeIndex(added.Type, register: true));
        Attach(node, root);
        if (newIsFrom)
        {
            AddLink(node, existing, ticks, source);
        }
        else
        {
            AddLink(existing, node, ticks, source);
        }

        return new Applied(LinkOutcome.Joined, _forest[root].Person, 0);
    }

    private Applied JoinBothNew(IdentityLink link, long ticks)
    {
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

        var from = AddNode(link.From, TypeIndex(link.From.Type, register: true));
        var to = AddNode(link.To, TypeIndex(link.To.Type, register: true));
        Attach(to, from);
        var person = NewPerson(from);
        AddLink(from, to, ticks, link.Source);
        return new Applied(LinkOutcome.Joined, person, 0);
    }

    private bool IsBlocked(Identifier identifier, out Applied refused)
    {
        var rule = RuleFor(identifier.Type);
        var blockedBy = rule.BlockedBy(identifier.Value);
        refused = blockedBy == CompiledTypeRule.NotBlocked ? default : Blocked(identifier, rule, blockedBy);
        return blockedBy != CompiledTypeRule.NotBlocked;
    }

    private static Applied Blocked(Identifier identifier, CompiledTypeRule rule, int blockedBy)
        => new(LinkOutcome.Refused, 0, 0, IdentityRuleKind.BlockedValue, rule.BlockedFacts(blockedBy), [identifier]);

    /// <summary>
    /// A limit refusal: the identifiers of the limited type on each side (the link's held ends as the link holds
    /// them, the others read from the key tables), and the new identifier the link would add, if any.
    /// </summary>
    private Applied OverLimit(int slot, int together, (int Node, Identifier Id) end, (int Node, Identifier Id) otherEnd, int rootA, int rootB, Identifier? added)
    {
        var typeIndex = TypeIndex(_rules.LimitedTypes[slot], register: false);
        var involved = new List<Identifier>(_rules.Limits[slot] + 1);
        var countA = AddOfType(involved, rootA, typeIndex, end, otherEnd);
        var countB = rootB >= 0 ? AddOfType(involved, rootB, typeIndex, end, otherEnd) : 0;
        if (added is { } newOne)
        {
            involved.Add(newOne);
        }

        var facts = RefusalFacts.OverLimit(
            _rules.LimitedTypes[slot],
            _rules.Limits[slot],
            together,
            _forest[rootA].Person,
            countA,
            rootB >= 0 ? _forest[rootB].Person : 0,
            countB);
        return new Applied(LinkOutcome.Refused, 0, 0, IdentityRuleKind.MaxPerPerson, facts, [.. involved]);
    }

    // Adds a person's identifiers of one type, oldest first, reusing the link's own identifiers for its ends rather
    // than making new strings from the key table.
    private int AddOfType(List<Identifier> involved, int root, int typeIndex, (int Node, Identifier Id) end, (int Node, Identifier Id) otherEnd)
    {
        var count = 0;
        foreach (var node in SortedMembers(root))
        {
            if (_nodeType[node] == typeIndex)
            {
                involved.Add(node == end.Node ? end.Id : node == otherEnd.Node ? otherEnd.Id : IdentifierOf(node));
                count++;
            }
        }

        return count;
    }

    private Applied TooLarge(long size, IdentityLink link, int rootA, int rootB)
    {
        var facts = RefusalFacts.TooLarge(
            _rules.MaxPersonSize,
            size,
            _forest[rootA].Person,
            SizeOfRoot(rootA),
            rootB >= 0 ? _forest[rootB].Person : 0,
            rootB >= 0 ? SizeOfRoot(rootB) : 0);
        return new Applied(LinkOutcome.Refused, 0, 0, IdentityRuleKind.MaxPersonSize, facts, [link.From, link.To]);
    }

    /// <summary>The refusal a merge of the persons rooted at <paramref name="rootFrom"/> and <paramref name="rootTo"/> meets under the rules (a type over its limit, a person too large), or null when they allow it.</summary>
    private Applied? RefusalOfMerge(IdentityLink link, int from, int to, int rootFrom, int rootTo)
    {
        var slots = _rules.SlotCount;
        for (var slot = 0; slot < slots; slot++)
        {
            var together = CountOfRoot(rootFrom, slot) + CountOfRoot(rootTo, slot);
            if (together > _rules.Limits[slot])
            {
                return OverLimit(slot, together, (from, link.From), (to, link.To), rootFrom, rootTo, added: null);
            }
        }

        var size = (long)SizeOfRoot(rootFrom) + SizeOfRoot(rootTo);
        if (size > _rules.MaxPersonSize)
        {
            return TooLarge(size, link, rootFrom, rootTo);
        }

        return null;
    }
}
