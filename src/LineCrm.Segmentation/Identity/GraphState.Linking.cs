using System.Globalization;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>What <see cref="GraphState.Apply(LineCrm.Events.IdentityLink)"/> did: an outcome, the person numbers, and for a refusal the rule and why.</summary>
internal readonly record struct Applied(
    LinkOutcome Outcome,
    int Person,
    int Absorbed,
    IdentityRuleKind Rule = default,
    string? Reason = null,
    Identifier[]? Involved = null);

/// <remarks>
/// This part: adding identifiers and links under the rules. Every check happens before anything changes, so a
/// refused link leaves no trace but its audit entry. Blocked values are checked when an identifier is new (an
/// identifier already held was accepted under the same rules).
/// </remarks>
internal sealed partial class GraphState
{
    /// <summary>The audit log, oldest first.</summary>
    public List<IdentityRefusal> Audit { get; } = [];

    /// <summary>Adds a lone identifier as a person of its own, unless it is held already or blocked.</summary>
    public Applied AddIdentifier(Identifier identifier)
    {
        var node = FindNode(identifier);
        if (node >= 0)
        {
            return new Applied(LinkOutcome.AlreadyJoined, PersonOf(node), 0);
        }

        // The type is registered only once the identifier is accepted: a refusal leaves no trace but its audit entry.
        return RuleFor(identifier.Type).BlockReason(identifier.Value) is { } blocked
            ? Blocked(identifier, blocked)
            : AddUnblocked(identifier, TypeIndex(identifier.Type, register: true));
    }

    /// <summary>
    /// Adds an identifier whose blocked-value check the caller has made (<paramref name="blockReason"/>, null when
    /// not blocked), or finds the person that holds it. A blocked value may still be held (a snapshot saved under
    /// other rules): then it is simply there. A <paramref name="typeIndex"/> of -1 (a type not registered when the
    /// caller looked) registers the type only once the identifier is accepted.
    /// </summary>
    public Applied AddChecked(Identifier identifier, int typeIndex, string? blockReason)
        => blockReason is not null && FindNode(identifier) < 0
            ? Blocked(identifier, blockReason)
            : AddUnblocked(identifier, typeIndex >= 0 ? typeIndex : TypeIndex(identifier.Type, register: true));

    /// <summary>Applies one valid link (two different, non-default identifiers).</summary>
    public Applied Apply(IdentityLink link) => Apply(link, FindNode(link.From), FindNode(link.To));

    /// <summary>Applies one valid link whose ends were looked up beforehand (-1: not held then; looked up again).</summary>
    public Applied Apply(IdentityLink link, int from, int to)
    {
        from = from >= 0 ? from : FindNode(link.From);
        to = to >= 0 ? to : FindNode(link.To);
        if (from < 0 && RuleFor(link.From.Type).BlockReason(link.From.Value) is { } fromBlocked)
        {
            return Blocked(link.From, fromBlocked);
        }

        if (to < 0 && RuleFor(link.To.Type).BlockReason(link.To.Value) is { } toBlocked)
        {
            return Blocked(link.To, toBlocked);
        }

        var ticks = link.At.UtcTicks;
        if (from >= 0 && to >= 0)
        {
            return JoinExisting(from, to, ticks, link.Source);
        }

        if (from >= 0 || to >= 0)
        {
            var (existing, added) = from >= 0 ? (from, link.To) : (to, link.From);
            return JoinNew(existing, added, ticks, link.Source, newIsFrom: from < 0);
        }

        return JoinBothNew(link, ticks);
    }

    private Applied JoinExisting(int from, int to, long ticks, LinkSource source)
    {
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

        var slots = _rules.SlotCount;
        for (var slot = 0; slot < slots; slot++)
        {
            var together = CountOfRoot(rootFrom, slot) + CountOfRoot(rootTo, slot);
            if (together > _rules.Limits[slot])
            {
                return OverLimit(slot, together, [rootFrom, rootTo], null);
            }
        }

        var size = (long)SizeOfRoot(rootFrom) + SizeOfRoot(rootTo);
        if (size > _rules.MaxPersonSize)
        {
            return TooLarge(size, IdentifierOf(from), IdentifierOf(to), [rootFrom, rootTo]);
        }

        Union(rootFrom, rootTo, out var surviving, out var absorbed);
        AddLink(from, to, ticks, source);
        return new Applied(LinkOutcome.Merged, surviving, absorbed);
    }

    private Applied JoinNew(int existing, Identifier added, long ticks, LinkSource source, bool newIsFrom)
    {
        var root = Find(existing);
        var slot = RuleFor(added.Type).LimitSlot;
        if (slot >= 0 && CountOfRoot(root, slot) + 1 > _rules.Limits[slot])
        {
            return OverLimit(slot, CountOfRoot(root, slot) + 1, [root], added);
        }

        if (SizeOfRoot(root) + 1L > _rules.MaxPersonSize)
        {
            return TooLarge(SizeOfRoot(root) + 1L, IdentifierOf(existing), added, [root]);
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
            var type = _rules.LimitedTypes[slot];
            return new Applied(
                LinkOutcome.Refused,
                0,
                0,
                IdentityRuleKind.MaxPerPerson,
                $"MaxPerPerson: a person may have at most {_rules.Limits[slot]} {type} identifier(s); the link joins two: {link.From}, {link.To}.",
                [link.From, link.To]);
        }

        var from = AddNode(link.From, TypeIndex(link.From.Type, register: true));
        var to = AddNode(link.To, TypeIndex(link.To.Type, register: true));
        Attach(to, from);
        var person = NewPerson(from);
        AddLink(from, to, ticks, link.Source);
        return new Applied(LinkOutcome.Joined, person, 0);
    }

    private static Applied Blocked(Identifier identifier, string why)
        => new(LinkOutcome.Refused, 0, 0, IdentityRuleKind.BlockedValue, $"BlockedValue: {identifier.Type} identifier refused: {why}.", [identifier]);

    private Applied OverLimit(int slot, int together, int[] roots, Identifier? added)
    {
        var type = _rules.LimitedTypes[slot];
        var involved = new List<Identifier>();
        var sides = new List<string>();
        foreach (var root in roots)
        {
            var ofType = SortedMembers(root).Where(n => TypeOf(n) == type).Select(IdentifierOf).ToList();
            involved.AddRange(ofType);
            sides.Add($"P{_forest[root].Person} has {string.Join(", ", ofType)}");
        }

        if (added is { } newOne)
        {
            involved.Add(newOne);
            sides.Add($"the link adds {newOne}");
        }

        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"MaxPerPerson: a person may have at most {_rules.Limits[slot]} {type} identifier(s) and the link would make {together} ({string.Join("; ", sides)}).");
        return new Applied(LinkOutcome.Refused, 0, 0, IdentityRuleKind.MaxPerPerson, reason, [.. involved]);
    }

    private Applied TooLarge(long size, Identifier from, Identifier to, int[] roots)
    {
        var persons = string.Join(" and ", roots.Select(r => $"P{_forest[r].Person} ({SizeOfRoot(r)} identifiers)"));
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"MaxPersonSize: a person may have at most {_rules.MaxPersonSize} identifiers and the link {from} - {to} would join {persons} into {size}.");
        return new Applied(LinkOutcome.Refused, 0, 0, IdentityRuleKind.MaxPersonSize, reason, [from, to]);
    }
}
