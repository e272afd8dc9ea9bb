using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Segmentation.Metrics;
using LineCrm.Segmentation.Segments;
using LineCrm.Segmentation.Tests.Metrics;
using LineCrm.Segmentation.Tests.Segments;

namespace LineCrm.Segmentation.Tests.Compute;

/// <summary>
/// The degree of parallelism never changes an answer: random members and segments, random orders, at a degree of
/// 1 and of 4 (the large inputs of <see cref="CancellationAndParallelismTests"/> check the same where the work
/// is actually split across cores).
/// </summary>
public sealed class DegreeOfParallelismPropertyTests
{
    private static readonly ComputeOptions One = new() { MaxDegreeOfParallelism = 1 };
    private static readonly ComputeOptions Four = new() { MaxDegreeOfParallelism = 4 };

    [Fact]
    public void Segments_give_the_same_members_and_failures_at_degree_1_and_4() =>
        Prop.ForAll(
            RandomMembers.Tables().ToArbitrary(),
            RandomSegments.Predicates().ToArbitrary(),
            Gen.Choose(-20, 20).Select(d => d * 20).ToArbitrary(),
            (table, segment, nowDay) =>
            {
                var now = RandomMembers.Epoch.AddDays(nowDay).UtcTicks;
                var program = SegmentProgram.Compile(segment);
                var one = program.EvaluateAll(table, table.ReadVersion(), now, Segmentation.Parallelism.From(One, default));
                var four = program.EvaluateAll(table, table.ReadVersion(), now, Segmentation.Parallelism.From(Four, default));
                Assert.Equal(one.Included, four.Included);
                Assert.Equal(one.Errors, four.Errors);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    [Property(MaxTest = 100)]
    public Property Purchase_analytics_are_the_same_at_degree_1_and_4() =>
        Prop.ForAll(Generators.OrdersInZone, input =>
        {
            var (orders, zone) = input;
            var table = Table(orders);
            return JsonSerializer.Serialize(PurchaseAnalytics.Compute(table, zone, One))
                == JsonSerializer.Serialize(PurchaseAnalytics.Compute(table, zone, Four));
        });

    [Property(MaxTest = 100)]
    public Property The_membership_funnel_is_the_same_at_degree_1_and_4() =>
        Prop.ForAll(Generators.OrdersInZone, input =>
        {
            var (orders, zone) = input;
            var friends = new FriendTableBuilder();
            foreach (var o in orders.Where(o => o.Person % 2 == 0))
            {
                friends.AddFriend(o.Person, o.At.AddDays(-3), store: o.Person % 4 == 0 ? "shibuya" : null);
                friends.AddLink(o.Person, o.At.AddDays(-1));
            }

            var (f, t) = (friends.Build(8), Table(orders));
            var options = new MembershipFunnelOptions(zone);
            return JsonSerializer.Serialize(MembershipFunnel.Compute(f, t, options, MembershipBreakdown.Store, One))
                == JsonSerializer.Serialize(MembershipFunnel.Compute(f, t, options, MembershipBreakdown.Store, Four));
        });

    private static OrderTable Table(List<Reference.Order> orders)
    {
        var builder = new OrderTableBuilder();
        foreach (var o in orders)
        {
            builder.Add(o.Person, o.At, o.Amount);
        }

        return builder.Build();
    }
}
