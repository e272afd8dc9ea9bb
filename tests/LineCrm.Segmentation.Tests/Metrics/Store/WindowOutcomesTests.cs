using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics.Store;

public sealed class WindowOutcomesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly FunnelStep<FunnelEvent> BigStorePurchase = new("big", e => e.Kind == FunnelEvent.PurchasedKind && e.Channel == "store" && e.Amount >= 2_000m);

    private static readonly FunnelStep<FunnelEvent> Click = new("click", e => e.Kind == "clicked");

    private static readonly Arbitrary<(StoreEvents Events, int[] Starts, int[] Lengths, int Goal, WindowRevenue Revenue)> Input =
        (from events in StoreEvents.Generator()
         from starts in Gen.ArrayOf(Gen.Choose(-5, 705), 16)
         from lengths in Gen.ArrayOf(Gen.Choose(0, 120), 16)
         from goal in Gen.Choose(0, 2)
         from revenue in Gen.Elements(WindowRevenue.GoalPurchases, WindowRevenue.AllPurchases)
         select (events, starts, lengths, goal, revenue)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Each_window_holds_what_the_persons_own_facts_say_happened_in_it() =>
        Prop.ForAll(Input, input =>
        {
            var members = Members(input.Events);
            var persons = members.Persons.ToArray();
            var windows = persons.Select((p, k) =>
            {
                var from = StoreEvents.Base.AddDays(input.Starts[k % 16]).AddHours(k);
                return new PersonWindow(p, from, from.AddDays(input.Lengths[k % 16]));
            }).ToArray();
            var goal = input.Goal switch { 0 => null, 1 => BigStorePurchase, _ => Click };

            var actual = WindowOutcomes.Measure(members, windows, goal, input.Revenue, "JPY", new ComputeOptions { MaxDegreeOfParallelism = 1 }, CancellationToken.None);
            var expected = windows.Select(w => Reference(members, w, goal, input.Revenue)).ToArray();
            return expected.SequenceEqual(actual).Label($"expected {string.Join(" ", expected)} got {string.Join(" ", actual)}");
        });

    [Fact]
    public void The_window_starts_at_its_first_instant_and_ends_just_before_its_last()
    {
        var members = new MemberTable();
        var alice = members.Append(Order("o1", T0, 1_000m));
        members.Append(Order("o2", T0.AddDays(7), 500m));
        members.Append(Order("o3", T0.AddTicks(-1), 300m));

        var outcome = WindowOutcomes.Measure(members, [new PersonWindow(alice, T0, T0.AddDays(7))], null, null).Single();

        Assert.Equal(new WindowOutcome(true, 1_000m, 1), outcome);
    }

    [Fact]
    public void Revenue_is_in_the_currency_asked_for_but_a_purchase_in_another_still_converts()
    {
        var members = new MemberTable();
        var alice = members.Append(Order("o1", T0.AddHours(1), 12.5m, "USD"));
        members.Append(Order("o2", T0.AddHours(2), 1_000m));

        var outcomes = WindowOutcomes.Measure(members, [new PersonWindow(alice, T0, T0.AddHours(2)), new PersonWindow(alice, T0, T0.AddDays(1))], null, "jpy");

        Assert.Equal([new WindowOutcome(true, 0m, 0), new WindowOutcome(true, 1_000m, 1)], outcomes);
        var error = Assert.Throws<ArgumentException>(() => WindowOutcomes.Measure(members, [], null, null));
        Assert.Contains("JPY, USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_goal_over_interactions_converts_on_the_interaction_and_revenue_of_all_purchases_counts_them_all()
    {
        var members = new MemberTable();
        var alice = members.Append(new Interaction(StoreEvents.Line(1), T0.AddHours(3), InteractionKind.Clicked) { Target = "https://example.com/sale" });
        members.Append(Order("o1", T0.AddHours(4), 800m));
        var clickedSale = new FunnelStep<FunnelEvent>("sale", e => e.Kind == "clicked" && e.Target.EndsWith("/sale", StringComparison.Ordinal));

        PersonWindow[] windows = [new(alice, T0, T0.AddDays(1)), new(alice, T0, T0.AddHours(3))];

        var all = WindowOutcomes.Measure(members, windows, clickedSale, WindowRevenue.AllPurchases, null, null, TestContext.Current.CancellationToken);
        var goals = WindowOutcomes.Measure(members, windows, clickedSale, null);

        Assert.Equal([new WindowOutcome(true, 800m, 1), new WindowOutcome(false, 0m, 0)], all);
        Assert.Equal([new WindowOutcome(true, 0m, 0), new WindowOutcome(false, 0m, 0)], goals);
    }

    [Fact]
    public void A_person_the_store_no_longer_holds_did_nothing_and_a_backwards_window_is_refused_by_its_number()
    {
        var members = new MemberTable();
        var alice = members.Append(Order("o1", T0, 1_000m));

        Assert.Equal(default, WindowOutcomes.Measure(members, [new PersonWindow(new PersonId(999_999), T0, T0.AddDays(1))], null, null).Single());
        var error = Assert.Throws<ArgumentException>(() =>
            WindowOutcomes.Measure(members, [new PersonWindow(alice, T0, T0.AddDays(1)), new PersonWindow(alice, T0, T0.AddDays(-1))], null, null));
        Assert.Contains("Window 1", error.Message, StringComparison.Ordinal);
    }

    private static Purchase Order(string id, DateTimeOffset at, decimal amount, string currency = "JPY") =>
        new(id, StoreEvents.Line(1), at, amount, currency, PurchaseChannel.Store) { StoreId = "umeda" };

    private static MemberTable Members(StoreEvents events)
    {
        var members = new MemberTable();
        foreach (var purchase in events.Purchases)
        {
            members.Append(purchase);
        }

        foreach (var interaction in events.Interactions)
        {
            members.Append(interaction);
        }

        return members;
    }

    // From the person's facts as the table copies them out, one event at a time.
    private static WindowOutcome Reference(MemberTable members, PersonWindow window, FunnelStep<FunnelEvent>? goal, WindowRevenue revenue)
    {
        Assert.True(members.TryGetFacts(window.Person, out var facts));
        bool In(DateTimeOffset at) => at >= window.From && at < window.To;
        var who = Identifier.WebMember("anyone");
        FunnelEvent Event(MemberPurchase p) => new(who, FunnelEvent.PurchasedKind, p.At) { Channel = p.Channel, Store = p.Store ?? "", Amount = p.Amount, Campaign = p.Campaign ?? "" };
        var purchases = facts.Purchases.Where(p => In(p.At)).ToList();
        var events = purchases.Select(Event)
            .Concat(facts.Interactions.Where(i => In(i.At)).Select(i => new FunnelEvent(who, i.Kind, i.At) { Campaign = i.Campaign ?? "", Target = i.Target ?? "" }));
        var converted = goal is null ? purchases.Count > 0 : events.Any(goal.Matches);
        var jpy = purchases.Where(p => p.Currency == "JPY" && (revenue == WindowRevenue.AllPurchases || goal is null || goal.Matches(Event(p)))).ToList();
        return new WindowOutcome(converted, jpy.Sum(p => p.Amount), jpy.Count);
    }
}
