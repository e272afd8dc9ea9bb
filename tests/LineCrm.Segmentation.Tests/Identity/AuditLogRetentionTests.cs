using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>The audit log keeps the most recent <see cref="IdentityGraph.AuditLogCapacity"/> refusals and counts the rest.</summary>
public sealed class AuditLogRetentionTests
{
    /// <summary>A graph whose web member HUB has a LINE id already, so that every other LINE id linked to it is refused.</summary>
    private static IdentityGraph WithHub()
    {
        var graph = new IdentityGraph(IdentityRules.Default, new FixedClock(T0));
        graph.Link(Link(Line(0), Web("HUB")));
        return graph;
    }

    /// <summary>Refusal number <paramref name="n"/> (from 1): LINE id n linked to HUB.</summary>
    private static void Refuse(IdentityGraph graph, int n)
        => Assert.Equal(LinkOutcome.Refused, graph.Link(Link(Line(n), Web("HUB"), minute: n % 1000)).Outcome);

    private static int[] Numbers(IdentityGraph graph)
        => [.. graph.AuditLog.Select(r => Enumerable.Range(1, 100_000).First(n => r.Link!.From == Line(n)))];

    private static List<Identifier> Froms(IdentityGraph graph) => [.. graph.AuditLog.Select(r => r.Link!.From)];

    [Fact]
    public void A_new_graph_keeps_the_last_10000_refusals()
    {
        var graph = WithHub();
        Assert.Equal(10_000, IdentityGraph.DefaultAuditLogCapacity);
        Assert.Equal(IdentityGraph.DefaultAuditLogCapacity, graph.AuditLogCapacity);

        for (var n = 1; n <= 10_005; n++)
        {
            Refuse(graph, n);
        }

        Assert.Equal(10_000, graph.AuditLog.Count);
        Assert.Equal(5, graph.AuditLogDropped);
        Assert.Equal(Line(6), graph.AuditLog[0].Link!.From);
        Assert.Equal(Line(10_005), graph.AuditLog[^1].Link!.From);
    }

    [Fact]
    public void The_capacity_is_respected_the_oldest_dropped_first_and_every_refusal_still_raised()
    {
        var graph = WithHub();
        var raised = new List<Identifier>();
        graph.LinkRefused += (_, r) => raised.Add(r.Link!.From);
        graph.AuditLogCapacity = 3;

        for (var n = 1; n <= 5; n++)
        {
            Refuse(graph, n);
        }

        Assert.Equal([3, 4, 5], Numbers(graph));
        Assert.Equal([Line(3), Line(4), Line(5)], [.. graph.AuditLog.Select(r => r.Link!.From)]);
        Assert.Equal(2, graph.AuditLogDropped);
        Assert.Equal([.. Enumerable.Range(1, 5).Select(Line)], raised);
    }

    [Fact]
    public void Lowering_the_capacity_drops_the_oldest_at_once_and_raising_it_keeps_what_is_there()
    {
        var graph = WithHub();
        for (var n = 1; n <= 6; n++)
        {
            Refuse(graph, n);
        }

        graph.AuditLogCapacity = 2;
        Assert.Equal([5, 6], Numbers(graph));
        Assert.Equal(4, graph.AuditLogDropped);

        graph.AuditLogCapacity = 5;
        Refuse(graph, 7);
        Assert.Equal([5, 6, 7], Numbers(graph));
        Assert.Equal(4, graph.AuditLogDropped);
    }

    [Fact]
    public void A_capacity_of_0_keeps_none_and_counts_all_and_a_negative_one_is_refused()
    {
        var graph = WithHub();
        graph.AuditLogCapacity = 0;
        var raised = 0;
        graph.LinkRefused += (_, _) => raised++;

        Refuse(graph, 1);
        var error = Assert.Throws<ArgumentException>(() => graph.ResolveOrAdd(Card("null")));

        Assert.Contains("null", error.Message, StringComparison.Ordinal);
        Assert.Empty(graph.AuditLog);
        Assert.Equal(2, graph.AuditLogDropped);
        Assert.Equal(2, raised);
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.AuditLogCapacity = -1);
        Assert.Equal(0, graph.AuditLogCapacity);
    }

    [Fact]
    public void Clearing_the_log_sets_the_dropped_count_back_to_0()
    {
        var graph = WithHub();
        graph.AuditLogCapacity = 1;
        Refuse(graph, 1);
        Refuse(graph, 2);

        graph.ClearAuditLog();

        Assert.Empty(graph.AuditLog);
        Assert.Equal(0, graph.AuditLogDropped);
        Assert.Equal(1, graph.AuditLogCapacity);
    }

    [Fact]
    public void A_snapshot_keeps_what_is_retained_and_the_dropped_count_and_loads_within_the_loading_graphs_capacity()
    {
        var graph = WithHub();
        graph.AuditLogCapacity = 4;
        for (var n = 1; n <= 6; n++)
        {
            Refuse(graph, n);
        }

        var bytes = SnapshotDamageTests.Save(graph);

        var same = new IdentityGraph();
        same.Load(new MemoryStream(bytes));
        Assert.Equal([3, 4, 5, 6], Numbers(same));
        Assert.Equal(2, same.AuditLogDropped);
        Assert.Equal(IdentityGraph.DefaultAuditLogCapacity, same.AuditLogCapacity);

        var smaller = new IdentityGraph { AuditLogCapacity = 1 };
        smaller.Load(new MemoryStream(bytes));
        Assert.Equal([6], Numbers(smaller));
        Assert.Equal(5, smaller.AuditLogDropped);
        Assert.Equal(1, smaller.AuditLogCapacity);
    }

    /// <summary>What can happen to a log: <c>Kind</c> 0 refuses, 1 sets the capacity to <c>Value</c>, 2 clears.</summary>
    public sealed record LogStep(int Kind, int Value)
    {
        public override string ToString() => Kind switch { 0 => "refuse", 1 => $"capacity {Value}", _ => "clear" };
    }

    private static readonly Gen<LogStep[]> Steps =
        from length in Gen.Choose(0, 60)
        from steps in Gen.ArrayOf(
            Gen.Frequency(
                (8, Gen.Constant(new LogStep(0, 0))),
                (2, Gen.Choose(0, 6).Select(c => new LogStep(1, c))),
                (1, Gen.Constant(new LogStep(2, 0)))),
            length)
        select steps;

    [Property(MaxTest = 200)]
    public Property The_log_is_a_list_trimmed_to_its_last_N_entries() =>
        Prop.ForAll(Steps.ToArbitrary(), steps =>
        {
            var graph = WithHub();
            var reference = new List<Identifier>();
            var capacity = IdentityGraph.DefaultAuditLogCapacity;
            long dropped = 0;
            var next = 1;
            foreach (var step in steps)
            {
                switch (step.Kind)
                {
                    case 0:
                        Refuse(graph, next);
                        reference.Add(Line(next++));
                        break;
                    case 1:
                        graph.AuditLogCapacity = capacity = step.Value;
                        break;
                    default:
                        graph.ClearAuditLog();
                        reference.Clear();
                        dropped = 0;
                        break;
                }

                if (reference.Count > capacity)
                {
                    dropped += reference.Count - capacity;
                    reference.RemoveRange(0, reference.Count - capacity);
                }
            }

            var reloaded = new IdentityGraph { AuditLogCapacity = capacity };
            reloaded.Load(new MemoryStream(SnapshotDamageTests.Save(graph)));
            return (Froms(graph).SequenceEqual(reference)
                    && graph.AuditLogDropped == dropped
                    && Froms(reloaded).SequenceEqual(reference)
                    && reloaded.AuditLogDropped == dropped)
                .Label($"log [{string.Join(", ", Froms(graph))}] dropped {graph.AuditLogDropped}; expected [{string.Join(", ", reference)}] dropped {dropped}");
        });
}
