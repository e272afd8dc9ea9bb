using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.ComponentsReference;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>The graph against a plain breadth-first search, on random link sets.</summary>
public sealed class IdentityGraphPropertyTests
{
    /// <summary>A universe of <see cref="Size"/> identifiers and links between them by index, with times.</summary>
    public sealed record LinkSet(int Size, (int A, int B)[] Pairs, int Seed)
    {
        public override string ToString() => $"{Size} ids, seed {Seed}: {string.Join(" ", Pairs.Select(p => $"{p.A}-{p.B}"))}";
    }

    private static Gen<LinkSet> LinkSets(int maxSize) =>
        from size in Gen.Choose(2, maxSize)
        from pairs in Gen.ArrayOf(
            from a in Gen.Choose(0, size - 1)
            from step in Gen.Choose(1, size - 1)
            select (a, (a + step) % size))
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select new LinkSet(size, pairs, seed);

    private static IdentityLink[] Links(LinkSet set, Func<int, Identifier> identifier)
        => [.. set.Pairs.Select((p, i) => Ids.Link(identifier(p.A), identifier(p.B), minute: (i * 7) % 11))];

    private static IdentityGraph Build(IEnumerable<IdentityLink> links, IdentityRules? rules = null)
    {
        var graph = new IdentityGraph(rules ?? IdentityRules.None);
        foreach (var link in links)
        {
            graph.Link(link);
        }

        return graph;
    }

    private static List<List<string>> Reference(IEnumerable<IdentityLink> links)
    {
        var all = links.ToList();
        return Components(all.SelectMany(l => new[] { l.From, l.To }), all.Select(l => (l.From, l.To)));
    }

    [Property(MaxTest = 200)]
    public Property Without_rules_the_persons_are_the_connected_components() =>
        Prop.ForAll(LinkSets(30).ToArbitrary(), set =>
        {
            var links = Links(set, Ids.Plain);
            var graph = Build(links);
            var expected = Reference(links);
            var actual = Persons(graph, links.SelectMany(l => new[] { l.From, l.To }));
            return (Same(actual, expected) && Same(AllPersons(graph), expected) && graph.PersonCount == expected.Count)
                .Label($"graph {Show(actual)}\nbfs   {Show(expected)}");
        });

    [Property(MaxTest = 150)]
    public Property A_batch_gives_the_same_persons_as_links_one_by_one() =>
        Prop.ForAll(LinkSets(30).ToArbitrary(), set =>
        {
            var links = Links(set, Ids.Mixed);
            var batch = new IdentityGraph(IdentityRules.None);
            var totals = batch.AddLinks(links);
            var expected = Reference(links);
            return (Same(AllPersons(batch), expected)
                    && totals.Joined + totals.Merged + totals.AlreadyJoined == links.Length
                    && totals.Refused == 0)
                .Label(Show(AllPersons(batch)));
        });

    [Property(MaxTest = 150)]
    public Property The_partition_does_not_depend_on_the_order_of_links() =>
        Prop.ForAll(LinkSets(30).ToArbitrary(), set =>
        {
            var links = Links(set, Ids.Mixed);
            var shuffled = links.ToArray();
            new Random(set.Seed).Shuffle(shuffled);
            var reversed = links.Reverse().ToArray();
            var a = AllPersons(Build(links));
            return Same(a, AllPersons(Build(shuffled))) && Same(a, AllPersons(Build(reversed)));
        });

    [Property(MaxTest = 150)]
    public Property Unlink_then_relink_restores_the_partition_and_unlink_matches_the_reference() =>
        Prop.ForAll(LinkSets(20).ToArbitrary(), set =>
        {
            if (set.Pairs.Length == 0)
            {
                return true.ToProperty();
            }

            var links = Links(set, Ids.Plain);
            var graph = Build(links);
            var before = AllPersons(graph);
            var removed = links[set.Seed % links.Length];
            var split = graph.Unlink(removed.From, removed.To);

            // The reference: the same links without any link of that pair; every identifier stays.
            var remaining = links.Where(l => !SamePair(l, removed)).ToList();
            var expected = Components(links.SelectMany(l => new[] { l.From, l.To }), remaining.Select(l => (l.From, l.To)));
            var afterUnlink = AllPersons(graph);
            var splitAgrees = split is not null && split.Persons.Contains(graph.Resolve(removed.From)) && split.Persons.Contains(graph.Resolve(removed.To));

            graph.Link(removed);
            return (Same(afterUnlink, expected) && splitAgrees && Same(AllPersons(graph), before))
                .Label($"after unlink {Show(afterUnlink)}\nexpected     {Show(expected)}");
        });

    [Property(MaxTest = 100)]
    public Property Random_links_unlinks_and_removals_keep_the_persons_equal_to_the_reference() =>
        Prop.ForAll(LinkSets(15).ToArbitrary(), set =>
        {
            var graph = new IdentityGraph(IdentityRules.None);
            var nodes = new HashSet<Identifier>();
            var edges = new HashSet<(Identifier, Identifier)>();
            var random = new Random(set.Seed);
            foreach (var (a, b) in set.Pairs)
            {
                var (x, y) = (Ids.Mixed(a), Ids.Mixed(b));
                var key = string.CompareOrdinal(x.ToString(), y.ToString()) < 0 ? (x, y) : (y, x);
                switch (random.Next(5))
                {
                    case 0:
                        graph.Unlink(x, y);
                        edges.Remove(key);
                        break;
                    case 1:
                        graph.RemoveIdentifier(x);
                        nodes.Remove(x);
                        edges.RemoveWhere(e => e.Item1 == x || e.Item2 == x);
                        break;
                    default:
                        graph.Link(Ids.Link(x, y));
                        nodes.UnionWith([x, y]);
                        edges.Add(key);
                        break;
                }

                var expected = Components(nodes, edges);
                if (!Same(AllPersons(graph), expected) || graph.IdentifierCount != nodes.Count || graph.LinkCount != edges.Count)
                {
                    return false.Label($"after {a}-{b}: graph {Show(AllPersons(graph))}, expected {Show(expected)}");
                }
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 100)]
    public Property A_snapshot_round_trip_answers_every_query_the_same() =>
        Prop.ForAll(LinkSets(30).ToArbitrary(), set =>
        {
            var links = Links(set, Ids.Mixed);
            var graph = new IdentityGraph(StrictRules, new FixedClock(Ids.T0));
            graph.AddLinks(links);
            if (set.Pairs.Length > 0)
            {
                graph.RemoveIdentifier(links[set.Seed % links.Length].From);
            }

            using var saved = new MemoryStream();
            graph.Save(saved);
            var loaded = new IdentityGraph(StrictRules);
            saved.Position = 0;
            loaded.Load(saved);

            var identifiers = links.SelectMany(l => new[] { l.From, l.To }).Distinct().ToList();
            var sameResolve = identifiers.All(i => graph.TryResolve(i, out var p) == loaded.TryResolve(i, out var q) && p == q);
            var samePersons = graph.GetPersons().SequenceEqual(loaded.GetPersons())
                && graph.GetPersons().All(p => graph.GetIdentifiers(p).SequenceEqual(loaded.GetIdentifiers(p)));
            var sameExplain = identifiers.Where(graph.Contains).SelectMany(a => identifiers.Where(graph.Contains).Select(b => (a, b)))
                .Where(pair => graph.Resolve(pair.a) == graph.Resolve(pair.b))
                .All(pair => graph.Explain(pair.a, pair.b).SequenceEqual(loaded.Explain(pair.a, pair.b)));
            var sameAudit = graph.AuditLog.Select(Describe).SequenceEqual(loaded.AuditLog.Select(Describe));
            using var again = new MemoryStream();
            loaded.Save(again);
            return (sameResolve && samePersons && sameExplain && sameAudit
                    && graph.LinkCount == loaded.LinkCount && graph.PersonCount == loaded.PersonCount
                    && again.ToArray().SequenceEqual(saved.ToArray()))
                .Label($"resolve {sameResolve}, persons {samePersons}, explain {sameExplain}, audit {sameAudit}");
        });

    [Property(MaxTest = 200)]
    public Property With_rules_no_person_breaks_a_rule_and_every_refused_link_is_audited() =>
        Prop.ForAll(LinkSets(25).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (set, asBatch) =>
        {
            // A blocked value in the universe too: index 7 is a store card "null".
            Identifier Identifier(int n) => n == 7 ? Ids.Card("null") : Ids.Mixed(n);
            var links = Links(set, Identifier);
            var graph = new IdentityGraph(StrictRules);
            var refused = new List<IdentityLink>();
            if (asBatch)
            {
                graph.AddLinks(links);
                refused.AddRange(graph.AuditLog.Select(r => r.Link!));
            }
            else
            {
                refused.AddRange(links.Where(l => graph.Link(l).Outcome == LinkOutcome.Refused));
            }

            var accepted = links.Where(l => !refused.Any(r => ReferenceEquals(r, l))).ToList();
            var withinRules = graph.GetPersons().All(p =>
            {
                var ids = graph.GetIdentifiers(p);
                return ids.Count <= 4
                    && ids.Count(i => i.Type == IdentifierType.LineUser) <= 1
                    && ids.Count(i => i.Type == IdentifierType.StoreCard) <= 2
                    && !ids.Contains(Ids.Card("null"));
            });
            var audited = refused.Count == graph.AuditLog.Count
                && refused.All(l => graph.AuditLog.Any(r => ReferenceEquals(r.Link, l) && r.Identifiers.Count > 0 && r.Reason.Length > 0));
            var sameAsAccepted = Same(AllPersons(graph), Reference(accepted));
            return (withinRules && audited && sameAsAccepted)
                .Label($"rules kept {withinRules}, audited {audited}, persons = accepted links {sameAsAccepted}");
        });

    /// <summary>Tight rules so random links break them often: one LINE id, two store cards, four identifiers.</summary>
    private static readonly IdentityRules StrictRules = IdentityRules.Default with
    {
        Types = new Dictionary<IdentifierType, IdentifierTypeRule>(IdentityRules.Default.Types)
        {
            [IdentifierType.StoreCard] = IdentityRules.Default.Types[IdentifierType.StoreCard] with { MaxPerPerson = 2 },
        },
        MaxPersonSize = 4,
    };

    private static bool SamePair(IdentityLink a, IdentityLink b)
        => (a.From == b.From && a.To == b.To) || (a.From == b.To && a.To == b.From);

    private static string Describe(IdentityRefusal r)
        => $"{r.Rule} {r.Reason} {r.Link} {string.Join(",", r.Identifiers)} {r.RefusedAt:O}";
}
