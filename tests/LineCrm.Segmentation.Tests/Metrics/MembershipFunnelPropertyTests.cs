using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics;

public sealed class MembershipFunnelPropertyTests
{
    private sealed record Person(int? AddedDay, int? LinkedDay, string? Store);

    private static readonly Arbitrary<(Person[] People, List<Reference.Order> Orders, int? Until)> Input =
        (from people in Gen.ArrayOf(
             from added in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 700).Select(d => (int?)d))
             from linked in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 700).Select(d => (int?)d))
             from store in Gen.Elements<string?>(null, "shibuya", "umeda")
             select new Person(added, linked, store), 8)
         from orders in Gen.ListOf(Generators.Order)
         from until in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 731).Select(d => (int?)d))
         select (people, orders.ToList(), until)).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Steps_match_the_reference_never_grow_and_rates_are_rates() =>
        Prop.ForAll(Input, Gen.Elements(Generators.Zones).ToArbitrary(), (input, zone) =>
        {
            var (people, orders, untilDay) = input;
            var friends = new FriendTableBuilder();
            for (var p = 0; p < people.Length; p++)
            {
                if (people[p].AddedDay is { } a)
                {
                    friends.AddFriend(p, Generators.Base.AddDays(a).AddHours(13), store: people[p].Store);
                }

                if (people[p].LinkedDay is { } l)
                {
                    friends.AddLink(p, Generators.Base.AddDays(l).AddHours(13));
                }
            }

            var table = new OrderTableBuilder();
            orders.ForEach(o => table.Add(o.Person, o.At, o.Amount));
            var until = untilDay is { } u ? DateOnly.FromDateTime(Generators.Base.AddDays(u).DateTime) : (DateOnly?)null;
            var options = new MembershipFunnelOptions(zone) { Until = until };
            var report = MembershipFunnel.Compute(friends.Build(people.Length), table.Build(people.Length), options, MembershipBreakdown.Store);

            bool Before(DateTimeOffset at) => until is null || Reference.LocalDate(at, zone) < until;
            var days = Reference.PurchaseDays(orders.Where(o => Before(o.At)), zone);
            var inRange = Enumerable.Range(0, people.Length)
                .Where(p => people[p].AddedDay is { } a && Before(Generators.Base.AddDays(a).AddHours(13))).ToList();
            var linked = inRange.Where(p => people[p].LinkedDay is { } l && Before(Generators.Base.AddDays(l).AddHours(13))).ToList();
            var bought = linked.Where(days.ContainsKey).ToList();
            var again = bought.Where(p => days[p].Count >= 2).ToList();
            var t = report.Total;
            var rates = new[] { t.BindingRate, t.FirstPurchaseRate, t.RepurchaseRate }.Concat(report.Groups.SelectMany(g =>
                new[] { g.Counts.BindingRate, g.Counts.FirstPurchaseRate, g.Counts.RepurchaseRate }));
            return t == new MembershipFunnelCounts(inRange.Count, linked.Count, bought.Count, again.Count)
                && t.Friends >= t.Linked && t.Linked >= t.FirstPurchasers && t.FirstPurchasers >= t.Repurchasers
                && rates.All(r => r is null or (>= 0 and <= 1))
                && report.Groups.Sum(g => g.Counts.Friends) == t.Friends
                && report.Groups.Sum(g => g.Counts.Repurchasers) == t.Repurchasers;
        });
}
