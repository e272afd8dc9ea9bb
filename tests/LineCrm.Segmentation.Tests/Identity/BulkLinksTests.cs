using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.ComponentsReference;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>
/// The bulk path of <see cref="IdentityGraph.AddLinks(IEnumerable{IdentityLink})"/> (a graph without links and a large
/// batch) must end exactly where linking one by one ends, in the order the documentation gives a batch (the
/// better-ranked type of each link, then the other, then time, then position): the same snapshot byte for byte, the
/// same merges and refusals in the same order, the same totals, and the same answers to what comes after (links
/// repeated, removed, identifiers removed), under no rules, the default rules and tight ones.
/// </summary>
public sealed class BulkLinksTests
{
    private static readonly LinkSource Kiosk = LinkSource.FromName("kiosk");
    private static readonly LinkSource Survey = LinkSource.FromName("survey");
    private static readonly LinkSource[] Sources = [LinkSource.Import, Kiosk, LinkSource.PointOfSale, Survey];

    // Blocked under the default rules: listed values and the all-zero patterns.
    private static readonly Identifier[] BlockedOnes = [Ids.Card("unknown"), Ids.Web("-1"), Ids.Card("0000"), new Identifier(Ids.X, "null")];

    private static readonly IdentityRules Tight = IdentityRules.Default with
    {
        MaxPersonSize = 4,
        Types = new Dictionary<IdentifierType, IdentifierTypeRule>(IdentityRules.Default.Types)
        {
            [IdentifierType.StoreCard] = new() { MaxPerPerson = 2, BlockedValues = ["unknown"] },
        },
    };

    private static readonly IdentityRules[] AllRules = [IdentityRules.None, IdentityRules.Default, Tight];

    /// <summary>A batch: identifiers added first, then links between picks (negative picks are blocked values).</summary>
    public sealed record Batch(int[] Before, (int A, int B, int Minute, int Source)[] Links, int Rules)
    {
        public override string ToString()
            => $"rules {Rules}, before [{string.Join(" ", Before)}], links {string.Join(" ", Links.Select(l => $"{l.A}-{l.B}@{l.Minute}/{l.Source}"))}";
    }

    private static Identifier Pick(int n) => n < 0 ? BlockedOnes[-n % BlockedOnes.Length] : Ids.Mixed(n);

    private static Gen<Batch> Batches(int universe) =>
        from before in Gen.ArrayOf(Gen.Choose(0, universe))
        from links in Gen.ArrayOf(
            from a in Gen.Choose(-2, universe)
            from step in Gen.Choose(1, universe)
            from minute in Gen.Choose(0, 4)
            from source in Gen.Choose(0, Sources.Length - 1)
            select (a, a < 0 ? step : (a + step) % (universe + 1), minute, source))
        from rules in Gen.Choose(0, AllRules.Length - 1)
        select new Batch(before, links.Where(l => Pick(l.a) != Pick(l.Item2)).ToArray(), rules);

    private static IdentityLink[] LinksOf(Batch batch)
        => [.. batch.Links.Select(l => Ids.Link(Pick(l.A), Pick(l.B), l.Minute, Sources[l.Source]))];

    [Property(MaxTest = 300)]
    public Property The_bulk_path_ends_where_linking_one_by_one_ends() =>
        Prop.ForAll(Batches(24).ToArbitrary(), batch =>
        {
            var rules = AllRules[batch.Rules];
            var links = LinksOf(batch);
            var bulk = Recorded.Of(rules, batch.Before.Select(Pick), bulkAt: 0);
            var ordered = Recorded.Of(rules, batch.Before.Select(Pick), bulkAt: int.MaxValue);
            var single = Recorded.Of(rules, batch.Before.Select(Pick), bulkAt: int.MaxValue);

            var bulkTotals = bulk.Graph.AddLinks(links, null, TestContext.Current.CancellationToken);
            var orderedTotals = ordered.Graph.AddLinks(links, null, TestContext.Current.CancellationToken);
            var singleTotals = single.LinkOneByOne(InDocumentedOrder(links, rules));

            return (bulkTotals == singleTotals
                    && orderedTotals == singleTotals
                    && bulk.SameAs(single)
                    && ordered.SameAs(single)
                    && bulk.ContinuesAs(single, links))
                .Label($"bulk {bulkTotals}, one by one {singleTotals}");
        });

    [Property(MaxTest = 150)]
    public Property Without_rules_the_bulk_path_finds_the_connected_components_in_any_order() =>
        Prop.ForAll(Batches(30).ToArbitrary(), batch =>
        {
            var links = LinksOf(batch).Where(l => !BlockedOnes.Contains(l.From) && !BlockedOnes.Contains(l.To)).ToArray();
            var expected = Components(links.SelectMany(l => new[] { l.From, l.To }), links.Select(l => (l.From, l.To)));
            var shuffled = links.ToArray();
            new Random(links.Length).Shuffle(shuffled);
            return Same(PersonsAfterBulk(links), expected)
                && Same(PersonsAfterBulk(shuffled), expected)
                && Same(PersonsAfterBulk([.. links.Reverse()]), expected);
        });

    [Property(MaxTest = 150)]
    public Property Under_any_rules_a_bulk_batch_of_distinct_times_ends_alike_in_any_arrival_order() =>
        Prop.ForAll(Batches(24).ToArbitrary(), Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), (batch, seed) =>
        {
            // A batch is applied by priority class and time; position only breaks ties, so with distinct times the
            // order links arrive in changes nothing, refusals and their order included.
            var links = LinksOf(batch).Select((l, i) => l with { At = Ids.T0.AddMinutes(i * 7_919L % 1_000_003) }).ToArray();
            var shuffled = links.ToArray();
            new Random(seed).Shuffle(shuffled);
            var first = Recorded.Of(AllRules[batch.Rules], batch.Before.Select(Pick), bulkAt: 0);
            var second = Recorded.Of(AllRules[batch.Rules], batch.Before.Select(Pick), bulkAt: 0);
            var totals = first.Graph.AddLinks(links, null, TestContext.Current.CancellationToken);
            return (totals == second.Graph.AddLinks(shuffled, null, TestContext.Current.CancellationToken) && first.SameAs(second))
                .Label($"seed {seed}");
        });

    [Property(MaxTest = 100)]
    public Property A_graph_built_in_bulk_round_trips_through_a_snapshot() =>
        Prop.ForAll(Batches(24).ToArbitrary(), batch =>
        {
            var built = Recorded.Of(AllRules[batch.Rules], batch.Before.Select(Pick), bulkAt: 0);
            built.Graph.AddLinks(LinksOf(batch), null, TestContext.Current.CancellationToken);
            var saved = Snapshot(built.Graph);
            var loaded = new IdentityGraph(AllRules[batch.Rules], new FixedClock(Ids.T0));
            using (var stream = new MemoryStream(saved))
            {
                loaded.Load(stream);
            }

            var pairs = LinksOf(batch).Where(l => built.Graph.Contains(l.From) && built.Graph.Contains(l.To)
                && built.Graph.Resolve(l.From) == built.Graph.Resolve(l.To));
            return Snapshot(loaded).SequenceEqual(saved)
                && pairs.All(l => built.Graph.Explain(l.From, l.To).SequenceEqual(loaded.Explain(l.From, l.To)));
        });

    [Fact]
    public void A_batch_large_enough_for_the_bulk_path_by_default_ends_where_the_ordered_path_ends()
    {
        // Past DefaultBulkLinksAt, so the default threshold takes the bulk path and the repeat search runs on all
        // cores; persons of one to six identifiers, links repeated, reversed and at equal times, some values blocked.
        var random = new Random(7);
        var identifiers = Enumerable.Range(0, 60_000).Select(n => n % 1_009 == 0 ? BlockedOnes[n % BlockedOnes.Length] : Ids.Mixed(n)).ToArray();
        var links = new List<IdentityLink>();
        while (links.Count < 150_000)
        {
            var a = random.Next(identifiers.Length);
            var b = Math.Min(identifiers.Length - 1, a + 1 + random.Next(6));
            var (from, to) = random.Next(3) == 0 ? (identifiers[b], identifiers[a]) : (identifiers[a], identifiers[b]);
            if (from != to)
            {
                links.Add(Ids.Link(from, to, random.Next(50), Sources[random.Next(Sources.Length)]));
            }
        }

        foreach (var rules in AllRules)
        {
            var bulk = Recorded.Of(rules, identifiers.Where((_, i) => i % 2 == 0), bulkAt: IdentityGraph.DefaultBulkLinksAt);
            var ordered = Recorded.Of(rules, identifiers.Where((_, i) => i % 2 == 0), bulkAt: int.MaxValue);

            var bulkTotals = bulk.Graph.AddLinks(links, null, TestContext.Current.CancellationToken);
            var orderedTotals = ordered.Graph.AddLinks(links, null, TestContext.Current.CancellationToken);

            Assert.Equal(orderedTotals, bulkTotals);
            Assert.True(bulk.SameAs(ordered), $"the bulk path and the ordered path differ under rules {Array.IndexOf(AllRules, rules)}");
            Assert.True(bulk.ContinuesAs(ordered, links.Take(2_000).ToArray()));
        }

        // On one core the repeat search keeps one partition; it must find the same.
        var oneCore = Recorded.Of(Tight, identifiers.Where((_, i) => i % 2 == 0), bulkAt: IdentityGraph.DefaultBulkLinksAt);
        var twoCores = Recorded.Of(Tight, identifiers.Where((_, i) => i % 2 == 0), bulkAt: IdentityGraph.DefaultBulkLinksAt);
        oneCore.Graph.AddLinks(links, new ComputeOptions { MaxDegreeOfParallelism = 1 }, TestContext.Current.CancellationToken);
        twoCores.Graph.AddLinks(links, new ComputeOptions { MaxDegreeOfParallelism = 2 }, TestContext.Current.CancellationToken);
        Assert.True(oneCore.SameAs(twoCores));
    }

    [Fact]
    public void Bad_links_in_a_bulk_batch_are_reported_as_in_any_batch_and_nothing_is_applied()
    {
        var graph = new IdentityGraph(IdentityRules.Default) { BulkLinksAt = 0 };
        graph.AddIdentifiers([Ids.Line(1), Ids.Web("M-1")], null, TestContext.Current.CancellationToken);
        var before = Snapshot(graph);
        var good = Ids.Link(Ids.Line(1), Ids.Web("M-1"));

        var nullLink = Assert.Throws<ArgumentNullException>(() => graph.AddLinks([good, null!], null, TestContext.Current.CancellationToken));
        var selfLink = Assert.Throws<ArgumentException>(() => graph.AddLinks([good, good, good with { To = Ids.Line(1) }], null, TestContext.Current.CancellationToken));

        Assert.Equal("links[1]", nullLink.ParamName);
        Assert.Equal("links[2]", selfLink.ParamName);
        Assert.Equal(before, Snapshot(graph));
    }

    [Fact]
    public void A_blocked_identifier_in_a_bulk_batch_is_refused_and_audited_and_the_rest_is_applied()
    {
        var graph = new IdentityGraph(IdentityRules.Default, new FixedClock(Ids.T0)) { BulkLinksAt = 0 };
        var blocked = Ids.Link(Ids.Line(1), Ids.Card("unknown"), minute: 1);

        var totals = graph.AddLinks([Ids.Link(Ids.Line(1), Ids.Web("M-1")), blocked, Ids.Link(Ids.Web("M-1"), Ids.Card("C-1"), minute: 2)], null, TestContext.Current.CancellationToken);

        Assert.Equal(new LinkBatchResult(2, 0, 0, 1), totals);
        var refusal = Assert.Single(graph.AuditLog);
        Assert.Equal(IdentityRuleKind.BlockedValue, refusal.Rule);
        Assert.Same(blocked, refusal.Link);
        Assert.Equal([Ids.Card("unknown")], refusal.Identifiers);
        Assert.False(graph.Contains(Ids.Card("unknown")));
        Assert.Equal(graph.Resolve(Ids.Line(1)), graph.Resolve(Ids.Card("C-1")));
        Assert.Equal(2, graph.LinkCount);
    }

    [Fact]
    public void A_cancelled_bulk_batch_leaves_the_graph_as_it_was()
    {
        var graph = new IdentityGraph(IdentityRules.Default) { BulkLinksAt = 0 };
        graph.AddIdentifiers([Ids.Line(1), Ids.Web("M-1")], null, TestContext.Current.CancellationToken);
        var before = Snapshot(graph);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => graph.AddLinks([Ids.Link(Ids.Line(1), Ids.Web("M-1"))], null, cancelled.Token));

        Assert.Equal(before, Snapshot(graph));
    }

    [Fact]
    public void A_handler_that_throws_half_way_leaves_the_graph_as_one_by_one_leaves_it()
    {
        IdentityLink[] links = [.. Enumerable.Range(0, 40).Select(n => Ids.Link(Ids.Plain(n % 10), Ids.Plain((n * 7) % 10 == n % 10 ? 11 : (n * 7) % 10), minute: n))];
        var bulk = Recorded.Of(IdentityRules.None, [.. Enumerable.Range(0, 12).Select(Ids.Plain)], bulkAt: 0);
        var single = Recorded.Of(IdentityRules.None, [.. Enumerable.Range(0, 12).Select(Ids.Plain)], bulkAt: int.MaxValue);
        foreach (var graph in new[] { bulk.Graph, single.Graph })
        {
            var merges = 0;
            graph.PersonsMerged += (_, _) =>
            {
                if (++merges == 4)
                {
                    throw new InvalidOperationException("the store behind the graph failed");
                }
            };
        }

        Assert.Throws<InvalidOperationException>(() => bulk.Graph.AddLinks(links, null, TestContext.Current.CancellationToken));
        Assert.Throws<InvalidOperationException>(() => single.LinkOneByOne(InDocumentedOrder(links, IdentityRules.None)));

        Assert.True(bulk.SameAs(single));
        Assert.True(bulk.ContinuesAs(single, links));
    }

    [Fact]
    public void A_bulk_batch_that_brings_too_many_identifier_types_stops_where_one_by_one_stops()
    {
        IdentityLink[] links = [.. Enumerable.Range(0, 300).Select(n => Ids.Link(Ids.Plain(n), new Identifier(IdentifierType.FromName($"kind_{n}"), "1"), minute: n))];
        var bulk = Recorded.Of(IdentityRules.None, [], bulkAt: 0);
        var single = Recorded.Of(IdentityRules.None, [], bulkAt: int.MaxValue);

        var error = Assert.Throws<InvalidOperationException>(() => bulk.Graph.AddLinks(links, null, TestContext.Current.CancellationToken));
        Assert.Throws<InvalidOperationException>(() => single.LinkOneByOne(InDocumentedOrder(links, IdentityRules.None)));

        Assert.Contains("at most 255 identifier types", error.Message, StringComparison.Ordinal);
        Assert.True(bulk.SameAs(single));
    }

    [Fact]
    public void A_graph_that_holds_links_takes_the_ordered_path_and_still_agrees()
    {
        // The bulk path needs a graph without links; a second batch goes the ordered way and must find the first's.
        var bulk = Recorded.Of(IdentityRules.Default, [], bulkAt: 0);
        var single = Recorded.Of(IdentityRules.Default, [], bulkAt: int.MaxValue);
        IdentityLink[] first = [Ids.Link(Ids.Line(1), Ids.Web("M-1")), Ids.Link(Ids.Web("M-1"), Ids.Card("C-1"), minute: 3)];
        IdentityLink[] second = [Ids.Link(Ids.Card("C-1"), Ids.Web("M-1"), minute: 1), Ids.Link(Ids.Line(2), Ids.Card("C-1"))];

        bulk.Graph.AddLinks(first, null, TestContext.Current.CancellationToken);
        bulk.Graph.AddLinks(second, null, TestContext.Current.CancellationToken);
        single.LinkOneByOne(InDocumentedOrder(first, IdentityRules.Default));
        single.LinkOneByOne(InDocumentedOrder(second, IdentityRules.Default));

        Assert.True(bulk.SameAs(single));
    }

    private static List<List<string>> PersonsAfterBulk(IdentityLink[] links)
    {
        var graph = new IdentityGraph(IdentityRules.None) { BulkLinksAt = 0 };
        graph.AddLinks(links, null, TestContext.Current.CancellationToken);
        return AllPersons(graph);
    }

    /// <summary>
    /// The order the documentation gives a batch, written out from it: by the better rank of the two ends' types
    /// (their place in <see cref="IdentityRules.Priority"/>, unlisted types after the listed ones), then the other
    /// rank, then time, then position.
    /// </summary>
    private static IdentityLink[] InDocumentedOrder(IdentityLink[] links, IdentityRules rules)
    {
        int Rank(IdentifierType type) => rules.Priority.Contains(type) ? rules.Priority.ToList().IndexOf(type) : rules.Priority.Count;
        return [.. links
            .Select((link, position) => (link, position, ranks: (Rank(link.From.Type), Rank(link.To.Type))))
            .OrderBy(x => Math.Min(x.ranks.Item1, x.ranks.Item2))
            .ThenBy(x => Math.Max(x.ranks.Item1, x.ranks.Item2))
            .ThenBy(x => x.link.At.UtcTicks)
            .ThenBy(x => x.position)
            .Select(x => x.link)];
    }

    private static byte[] Snapshot(IdentityGraph graph)
    {
        using var stream = new MemoryStream();
        graph.Save(stream);
        return stream.ToArray();
    }

    /// <summary>A graph with what its events reported, in order.</summary>
    private sealed class Recorded
    {
        private Recorded(IdentityGraph graph)
        {
            Graph = graph;
            graph.PersonsMerged += (_, merge) => Events.Add($"merge {merge.Absorbed} into {merge.Surviving} by {merge.Link}");
            graph.LinkRefused += (_, refusal) => Events.Add($"refused {refusal.Link}: {refusal.Reason}");
            graph.PersonsSplit += (_, split) => Events.Add($"split {split.Original} into {string.Join(",", split.Persons)}");
        }

        public IdentityGraph Graph { get; }

        public List<string> Events { get; } = [];

        public static Recorded Of(IdentityRules rules, IEnumerable<Identifier> before, int bulkAt)
        {
            var recorded = new Recorded(new IdentityGraph(rules, new FixedClock(Ids.T0)) { BulkLinksAt = bulkAt });
            recorded.Graph.AddIdentifiers(before, null, TestContext.Current.CancellationToken);
            return recorded;
        }

        public LinkBatchResult LinkOneByOne(IEnumerable<IdentityLink> links)
        {
            int joined = 0, merged = 0, already = 0, refused = 0;
            foreach (var link in links)
            {
                switch (Graph.Link(link).Outcome)
                {
                    case LinkOutcome.Joined: joined++; break;
                    case LinkOutcome.Merged: merged++; break;
                    case LinkOutcome.AlreadyJoined: already++; break;
                    default: refused++; break;
                }
            }

            return new LinkBatchResult(joined, merged, already, refused);
        }

        public bool SameAs(Recorded other)
            => Snapshot(Graph).SequenceEqual(Snapshot(other.Graph))
                && Events.SequenceEqual(other.Events)
                && Graph.LinkCount == other.Graph.LinkCount
                && Graph.PersonCount == other.Graph.PersonCount;

        /// <summary>
        /// What comes after a build reads the link lists the snapshot does not show: links seen again (a repeat finds
        /// its pair by walking both ends' lists), removed (the person is re-walked through them) and identifiers
        /// removed with their links. Both graphs get the same calls and must still agree.
        /// </summary>
        public bool ContinuesAs(Recorded other, IdentityLink[] links)
        {
            for (var i = 0; i < links.Length; i++)
            {
                var link = links[i];
                var earlier = link with { At = link.At.AddDays(-1) };
                Graph.Link(earlier);
                other.Graph.Link(earlier);
                if (i % 3 == 0)
                {
                    Graph.Unlink(link.From, link.To);
                    other.Graph.Unlink(link.From, link.To);
                }
                else if (i % 3 == 1 && Graph.Contains(link.To))
                {
                    Graph.RemoveIdentifier(link.To);
                    other.Graph.RemoveIdentifier(link.To);
                }
            }

            return SameAs(other);
        }
    }
}
