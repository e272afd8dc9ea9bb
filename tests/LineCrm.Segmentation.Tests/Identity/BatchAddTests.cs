using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>
/// <see cref="IdentityGraph.AddIdentifiers"/> checks blocked values for the whole batch first (on all cores when it is
/// large) and adds each identifier with one probe of its key table. Whatever the batch holds (repeats, blocked
/// values, identifiers held already), it must end exactly where adding the same identifiers one by one ends.
/// </summary>
public sealed class BatchAddTests
{
    // Blocked under the default rules: the listed values and the all-zero patterns.
    private static readonly Identifier[] BlockedOnes = [Ids.Card("unknown"), Ids.Web("-1"), Ids.Card("0000"), new Identifier(Ids.X, "null")];

    private static Identifier Pick(int n) => n < 0 ? BlockedOnes[-n % BlockedOnes.Length] : Ids.Mixed(n);

    [Property(MaxTest = 200)]
    public Property A_batch_ends_where_adding_one_by_one_ends() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(-3, 60)).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(-3, 60)).ToArbitrary(),
            (before, batch) => AgreesWithOneByOne([.. before.Select(Pick)], [.. batch.Select(Pick)]));

    [Fact]
    public void A_batch_large_enough_to_check_blocked_values_on_all_cores_ends_where_one_by_one_ends()
    {
        var batch = Enumerable.Range(0, 200_000).Select(n => n % 997 == 0 ? BlockedOnes[n % BlockedOnes.Length] : Ids.Mixed(n % 150_000)).ToArray();

        Assert.True(AgreesWithOneByOne([Ids.Mixed(3), Ids.Mixed(140_001)], batch));
    }

    [Fact]
    public void A_blocked_value_that_is_held_already_is_not_refused_again()
    {
        // A graph saved without rules may hold a value the rules now block; loading it under rules keeps it.
        var open = new IdentityGraph(IdentityRules.None);
        open.AddIdentifiers([Ids.Card("unknown")]);
        using var snapshot = new MemoryStream();
        open.Save(snapshot);
        snapshot.Position = 0;
        var graph = new IdentityGraph(IdentityRules.Default);
        graph.Load(snapshot);

        var added = graph.AddIdentifiers([Ids.Card("unknown"), Ids.Web("unknown")]);

        Assert.Equal(0, added);
        Assert.True(graph.Contains(Ids.Card("unknown")));
        Assert.Equal(Ids.Web("unknown"), Assert.Single(Assert.Single(graph.AuditLog).Identifiers));
    }

    private static byte[] Snapshot(IdentityGraph graph)
    {
        using var stream = new MemoryStream();
        graph.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void A_refused_identifier_of_a_type_the_graph_does_not_know_leaves_no_trace()
    {
        var before = new IdentityGraph(IdentityRules.Default, new FixedClock(Ids.T0));
        var graph = new IdentityGraph(IdentityRules.Default, new FixedClock(Ids.T0));

        graph.AddIdentifiers([new Identifier(IdentifierType.FromName("loyalty_no"), "unknown")]);
        graph.ClearAuditLog();

        Assert.Equal(Snapshot(before), Snapshot(graph));
    }

    [Fact]
    public void A_batch_that_would_hold_too_many_identifier_types_is_refused_before_anything_changes()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        var known = graph.AddIdentifiers(Enumerable.Range(0, 240).Select(n => new Identifier(IdentifierType.FromName($"kind_{n}"), "1")));
        var before = Snapshot(graph);
        var batch = Enumerable.Range(0, 20).Select(n => new Identifier(IdentifierType.FromName($"more_{n}"), "1")).Prepend(Ids.Line(5)).ToArray();

        var error = Assert.Throws<InvalidOperationException>(() => graph.AddIdentifiers(batch));

        Assert.Equal(240, known);
        Assert.Contains("at most 255 identifier types", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(graph));
        Assert.False(graph.Contains(Ids.Line(5)));
    }

    private static bool AgreesWithOneByOne(Identifier[] before, Identifier[] batch)
    {
        var bulk = new IdentityGraph(IdentityRules.Default, new FixedClock(Ids.T0));
        var single = new IdentityGraph(IdentityRules.Default, new FixedClock(Ids.T0));
        foreach (var id in before)
        {
            bulk.TryAddIdentifier(id, out _);
            single.TryAddIdentifier(id, out _);
        }

        var added = bulk.AddIdentifiers(batch);
        var expectedAdded = 0;
        foreach (var id in batch)
        {
            var isNew = !single.Contains(id);
            if (single.TryAddIdentifier(id, out _) && isNew)
            {
                expectedAdded++;
            }
        }

        // The snapshots hold everything, the registered types and the audit log included: a refused identifier
        // of a type the graph did not know must not register that type in either path.
        var agrees = added == expectedAdded
            && Snapshot(bulk).SequenceEqual(Snapshot(single))
            && bulk.IdentifierCount == single.IdentifierCount
            && bulk.AuditLog.Select(r => r.Reason).SequenceEqual(single.AuditLog.Select(r => r.Reason))
            && before.Concat(batch).All(id => bulk.Contains(id) == single.Contains(id)
                && (!bulk.Contains(id) || bulk.Resolve(id) == single.Resolve(id)));

        // A batch renumbers the key-table entries of values whose provisional node was not the one they got;
        // removing identifiers afterwards finds entries through those numbers, so it must still end alike.
        foreach (var id in batch.Where((_, i) => i % 3 == 0).Distinct())
        {
            if (bulk.Contains(id))
            {
                bulk.RemoveIdentifier(id);
                single.RemoveIdentifier(id);
            }
        }

        return agrees
            && Snapshot(bulk).SequenceEqual(Snapshot(single))
            && batch.All(id => bulk.Contains(id) == single.Contains(id));
    }
}
