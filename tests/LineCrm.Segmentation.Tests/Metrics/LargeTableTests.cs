using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics;

/// <summary>
/// Tables large enough that the per-person passes split the orders into several partitions of persons and run
/// them on both cores (see PersonPartitions and PurchaseRows: 32,768 persons a partition, parallel from about
/// 262,000 rows), checked against the slow, obvious reference. The small property tests never reach those code paths.
/// </summary>
public sealed class LargeTableTests
{
    private const int Persons = 100_000;
    private const int OrderCount = 300_000;
    private static readonly string[] Channels = ["web", "store", "app"];

    private static readonly Lazy<(OrderTable Table, List<Reference.Order> Orders, string[] Channel, FriendTable Friends, bool[] Linked)> Data = new(Build);

    [Fact]
    public void Purchase_analytics_over_many_partitions_match_the_reference()
    {
        var (table, orders, _, _, _) = Data.Value;

        AssertMatchesReference(PurchaseAnalytics.Compute(table, Orders.Tokyo), orders);
    }

    [Fact]
    public void Orders_spanning_four_centuries_use_smaller_partitions_and_still_match_the_reference()
    {
        // Over 2^17 days the packed day no longer leaves 15 bits for the person: partitions shrink to 2^14 persons.
        const int persons = 40_000;
        var random = new Random(7);
        var start = new DateTimeOffset(1800, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var orders = new List<Reference.Order>();
        var builder = new OrderTableBuilder();
        for (var i = 0; i < 60_000; i++)
        {
            var order = new Reference.Order(random.Next(persons), start.AddDays(random.Next(365 * 400)).AddMinutes(random.Next(1440)),
                random.Next(100) < 3 ? -random.Next(1, 500) : random.Next(0, 5000));
            orders.Add(order);
            builder.Add(order.Person, order.At, order.Amount);
        }

        var table = builder.Build(persons);

        Assert.Equal(14, PurchaseRows.Build(table, Orders.Tokyo, Segmentation.Parallelism.Default).Shift);
        AssertMatchesReference(PurchaseAnalytics.Compute(table, Orders.Tokyo), orders);
    }

    private static void AssertMatchesReference(PurchaseReport report, List<Reference.Order> orders)
    {
        var days = Reference.PurchaseDays(orders, Orders.Tokyo);
        var intervals = Reference.Intervals(days);
        Assert.Equal(days.Count, report.Customers);
        Assert.Equal(days.Values.Count(d => d.Count >= 2), report.RepeatCustomers);
        Assert.Equal(orders.Count(o => o.Amount < 0), report.Refunds);
        Assert.Equal(
            Reference.FirstPurchasesByMonth(days).OrderBy(m => m.Key, StringComparer.Ordinal),
            report.FirstPurchasesByMonth.Where(m => m.Count > 0).Select(m => new KeyValuePair<string, int>(m.Month.ToString(), m.Count)));
        Assert.Equal(intervals.Count, report.InterPurchaseDays.Count);
        Assert.Equal(Reference.NearestRank(intervals, 50), report.InterPurchaseDays.Median);
        Assert.Equal(Reference.NearestRank(intervals, 25), report.InterPurchaseDays.P25);
        Assert.Equal(Reference.NearestRank(intervals, 75), report.InterPurchaseDays.P75);
        var revenue = Reference.RevenueByMonth(orders, Orders.Tokyo);
        Assert.Equal(orders.Sum(o => o.Amount), report.Revenue);
        Assert.All(report.RevenueByMonth, m =>
        {
            Assert.Equal(revenue.GetValueOrDefault(m.Month.ToString()).Total, m.Total);
            Assert.Equal(revenue.GetValueOrDefault(m.Month.ToString()).New, m.New);
        });
    }

    [Fact]
    public void Membership_funnel_by_first_channel_over_many_partitions_matches_the_reference()
    {
        var (table, orders, channel, friends, linked) = Data.Value;
        var report = MembershipFunnel.Compute(friends, table, new MembershipFunnelOptions(Orders.Tokyo), MembershipBreakdown.Channel);

        // Every person is a friend; the funnel's channel is the channel of the person's earliest purchase.
        var days = Reference.PurchaseDays(orders, Orders.Tokyo);
        var firstChannel = orders.Select((o, row) => (o, row)).Where(x => x.o.Amount >= 0)
            .GroupBy(x => x.o.Person)
            .ToDictionary(g => g.Key, g => channel[g.OrderBy(x => x.o.At).ThenBy(x => x.row).First().row]);
        var bought = Enumerable.Range(0, Persons).Where(p => linked[p] && days.ContainsKey(p)).ToList();
        Assert.Equal(
            new MembershipFunnelCounts(Persons, linked.Count(l => l), bought.Count, bought.Count(p => days[p].Count >= 2)),
            report.Total);
        foreach (var name in Channels)
        {
            var group = Assert.Single(report.Groups, g => g.Key == name);
            Assert.Equal(firstChannel.Count(f => f.Value == name), group.Counts.Friends);
            Assert.Equal(bought.Count(p => firstChannel[p] == name), group.Counts.FirstPurchasers);
        }
    }

    private static (OrderTable, List<Reference.Order>, string[], FriendTable, bool[]) Build()
    {
        // Orders mostly in time order, as they arrive, with a few late ones; persons in no order; 3% refunds.
        var random = new Random(20261123);
        var orders = new List<Reference.Order>(OrderCount);
        var channel = new string[OrderCount];
        var builder = new OrderTableBuilder();
        for (var i = 0; i < OrderCount; i++)
        {
            var minutes = (i * 730L * 1440 / OrderCount) - (random.Next(50) == 0 ? random.Next(100_000) : 0);
            var at = Generators.Base.AddMinutes(Math.Max(0, minutes));
            var amount = random.Next(100) < 3 ? -random.Next(1, 500) : random.Next(0, 5000);
            var order = new Reference.Order(random.Next(Persons), at, amount);
            channel[i] = Channels[random.Next(Channels.Length)];
            orders.Add(order);
            builder.Add(order.Person, order.At, order.Amount, channel: channel[i]);
        }

        var friends = new FriendTableBuilder();
        var linked = new bool[Persons];
        for (var p = 0; p < Persons; p++)
        {
            friends.AddFriend(p, Generators.Base.AddDays(-1));
            if (random.Next(2) == 0)
            {
                linked[p] = true;
                friends.AddLink(p, Generators.Base.AddDays(-1));
            }
        }

        return (builder.Build(Persons), orders, channel, friends.Build(Persons), linked);
    }
}
