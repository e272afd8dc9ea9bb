using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics.Store;

/// <summary>
/// The metrics over the fact store (the member table, read through <see cref="OrderTable.FromMembers(MemberTable, string?)"/> and
/// <see cref="FriendTable.FromMembers(MemberTable)"/>) against the metrics over tables built straight from the same events the
/// way the analysis sample did before the store (the identity graph first, persons numbered by it, then
/// <see cref="OrderTableBuilder"/> and <see cref="FriendTableBuilder"/>). The store receives the events in a
/// random order with the links among them, so persons merge while facts arrive.
/// </summary>
public sealed class StoreMetricsAgreementTests
{
    private static readonly Arbitrary<(StoreEvents Events, int Seed)> Input =
        (from events in StoreEvents.Generator()
         from seed in Gen.Choose(0, int.MaxValue - 1)
         select (events, seed)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Purchase_analytics_over_the_store_equal_those_over_tables_built_from_the_events() =>
        Prop.ForAll(Input, Gen.Elements(Generators.Zones).ToArbitrary(), (input, zone) =>
        {
            var (store, reference) = BothWays(input.Events, input.Seed);
            var expected = PurchaseAnalytics.Compute(reference.Orders, zone);
            var actual = PurchaseAnalytics.Compute(store.Orders, zone);
            return ReportComparison.Same(expected, actual).Label(ReportComparison.Describe(expected, actual));
        });

    [Property(MaxTest = 300)]
    public Property Funnels_and_friend_activity_over_the_store_equal_those_over_tables_built_from_the_events() =>
        Prop.ForAll(Input, Gen.Elements(Generators.Zones).ToArbitrary(), (input, zone) =>
        {
            var (store, reference) = BothWays(input.Events, input.Seed);
            var options = new MembershipFunnelOptions(zone);
            var funnels = Enum.GetValues<MembershipBreakdown>().All(breakdown =>
                ReportComparison.Same(
                    MembershipFunnel.Compute(reference.Friends, reference.Orders, options, breakdown),
                    MembershipFunnel.Compute(store.Friends, store.Orders, options, breakdown)));
            var asOf = StoreEvents.End.AddDays(1);
            var activity = LineFriendActivity.Compute(reference.Friends, asOf, 30) == LineFriendActivity.Compute(store.Friends, asOf, 30);
            return (funnels && activity).Label($"funnels {funnels}, activity {activity}");
        });

    [Fact]
    public void The_generated_events_merge_persons_and_reach_every_funnel_step()
    {
        // Guards the properties above against data too thin to tell the two paths apart.
        var samples = StoreEvents.Generator().Sample(200);
        var merges = 0;
        long repurchasers = 0;
        foreach (var events in samples)
        {
            var (store, reference) = BothWays(events, 1);
            merges += store.Members.Count < store.Members.PersonNumberCount ? 1 : 0;
            repurchasers += MembershipFunnel.Compute(reference.Friends, reference.Orders, new MembershipFunnelOptions(TimeZoneInfo.Utc)).Total.Repurchasers;
        }

        Assert.True(merges > 20, $"only {merges} of 200 samples merged persons");
        Assert.True(repurchasers > 20, $"only {repurchasers} repurchasers in 200 samples");
    }

    private sealed record Tables(OrderTable Orders, FriendTable Friends, MemberTable Members);

    private static (Tables Store, Tables Reference) BothWays(StoreEvents events, int seed)
    {
        var graph = new IdentityGraph();
        var resolver = new IdentityGraphPersonResolver(graph);
        var members = new MemberTable(resolver);
        var accepted = new List<IdentityLink>();
        foreach (var step in Interleaved(events, seed))
        {
            switch (step)
            {
                case Purchase purchase:
                    members.Append(purchase);
                    break;
                case Interaction interaction:
                    members.Append(interaction);
                    break;
                case IdentityLink link when resolver.Link(link, members).Outcome != LinkOutcome.Refused:
                    accepted.Add(link);
                    break;
            }
        }

        var store = new Tables(OrderTable.FromMembers(members), FriendTable.FromMembers(members), members);
        return (store, Reference(events, accepted, graph));
    }

    // Today's path: persons numbered through the graph's final state, tables filled from the events.
    private static Tables Reference(StoreEvents events, List<IdentityLink> accepted, IdentityGraph graph)
    {
        var numbers = new PersonIndex<PersonId>();
        int Number(Identifier identifier) => numbers.GetOrAdd(graph.Resolve(identifier));
        var orders = new OrderTableBuilder();
        foreach (var purchase in events.Purchases)
        {
            orders.Add(Number(purchase.Customer), purchase);
        }

        var friends = new FriendTableBuilder();
        foreach (var interaction in events.Interactions)
        {
            friends.Add(Number(interaction.Who), interaction);
        }

        foreach (var link in accepted)
        {
            friends.AddLink(Number(link.From), link.At);
        }

        return new Tables(orders.Build(numbers.Count), friends.Build(numbers.Count), new MemberTable());
    }

    // All events in a random order, the links keeping theirs (the graph's rules may depend on it).
    private static List<object> Interleaved(StoreEvents events, int seed)
    {
        var all = events.Purchases.Cast<object>().Concat(events.Interactions).Concat(events.Links).ToList();
        var random = new Random(seed);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all));
        var links = new Queue<IdentityLink>(events.Links);
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] is IdentityLink)
            {
                all[i] = links.Dequeue();
            }
        }

        return all;
    }
}
