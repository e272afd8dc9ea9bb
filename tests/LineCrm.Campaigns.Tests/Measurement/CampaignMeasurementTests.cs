using LineCrm.Campaigns.Definition;
using LineCrm.Campaigns.Measurement;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Messages;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Campaigns.Tests.Measurement;

public sealed class CampaignMeasurementTests
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateTimeOffset Closed = Sent.AddDays(8);

    private static Campaign Campaign(string goal = "kind == \"purchased\"", params string[] variants) => new(
        new CampaignId("autumn"),
        "purchases.size() >= 0",
        [.. (variants.Length == 0 ? ["A"] : variants).Select(name => new CampaignVariant(name, 1.0 / Math.Max(1, variants.Length), [new TextMessage($"{name}: 20% off")]))],
        goal);

    private static CampaignResult Measure(
        Campaign campaign, MemberTable members, IReadOnlyList<CampaignRecipient> recipients, DateTimeOffset now, CampaignMeasureOptions? options = null) =>
        CampaignMeasurement.Measure(campaign, members, recipients, now, options, TestContext.Current.CancellationToken);

    private static Identifier Line(int k) => Identifier.LineUser($"U{k:x32}");

    private static Purchase Order(int k, DateTimeOffset at, decimal amount) =>
        new($"o{k}-{at.UtcTicks}", Line(k), at, amount, "JPY", PurchaseChannel.Web);

    [Fact]
    public void A_planted_population_is_counted_exactly_within_each_persons_window_and_nothing_outside_it()
    {
        // The simulation decides who buys in their window, and plants purchases before the send and after the
        // window too; only the in-window ones may count. Its tallies are the truth the result must equal.
        var random = new Random(19_19);
        var members = new MemberTable();
        var recipients = new List<CampaignRecipient>();
        var truth = new Dictionary<RecipientGroup, (int Persons, int Converted, decimal Revenue)>
        {
            [RecipientGroup.Treatment] = default,
            [RecipientGroup.Holdout] = default,
        };
        for (var k = 1; k <= 5_000; k++)
        {
            var group = k % 10 == 0 ? RecipientGroup.Holdout : RecipientGroup.Treatment;
            var from = Sent.AddHours(k % 3 == 0 ? 11 : 0);     // some deferred by quiet hours: a later window
            var person = members.Append(Order(k, from.AddDays(-3), 999m));
            members.Append(Order(k, from.AddDays(7).AddTicks(1), 777m));
            var (persons, converted, revenue) = truth[group];
            var rate = group == RecipientGroup.Treatment ? 0.12 : 0.08;
            if (random.NextDouble() < rate)
            {
                var amount = 1_000m + random.Next(0, 5_000);
                members.Append(Order(k, from.AddMinutes(random.Next(0, (7 * 24 * 60) - 1)), amount));
                (converted, revenue) = (converted + 1, revenue + amount);
            }

            truth[group] = (persons + 1, converted, revenue);
            recipients.Add(new CampaignRecipient(person, 0, group, from, Messaged: group == RecipientGroup.Treatment && k % 7 != 0));
        }

        var result = Measure(Campaign(), members, recipients, Closed, new CampaignMeasureOptions { PricePerMessage = 3 });

        var overall = result.Overall!;
        Assert.True(result.IsFinal);
        Assert.Equal(truth[RecipientGroup.Treatment].Persons, overall.Treatment.Persons);
        Assert.Equal(truth[RecipientGroup.Treatment].Converted, overall.Treatment.Conversions);
        Assert.Equal(truth[RecipientGroup.Holdout].Converted, overall.Holdout.Conversions);
        Assert.Equal((double)truth[RecipientGroup.Treatment].Revenue / truth[RecipientGroup.Treatment].Persons, overall.Treatment.RevenueMean, 1e-9);
        Assert.Equal((double)truth[RecipientGroup.Holdout].Revenue / truth[RecipientGroup.Holdout].Persons, overall.Holdout.RevenueMean, 1e-9);
        var messaged = recipients.Count(r => r.Messaged);
        Assert.Equal(messaged, result.Messaged);
        Assert.Equal(3.0 * messaged, overall.MessageCost, 1e-9);
        Assert.True(overall.AbsoluteUpliftInterval.Contains(0.04), $"the planted 4 points lie outside {overall.AbsoluteUpliftInterval}");
    }

    [Fact]
    public void Each_variant_is_measured_against_its_own_share_of_the_holdout()
    {
        var members = new MemberTable();
        var recipients = new List<CampaignRecipient>();
        // Variant A's treated all buy, B's none; each has a holdout of two of whom one buys.
        void Add(int k, int variant, RecipientGroup group, bool buys)
        {
            var person = members.Append(new Interaction(Line(k), Sent.AddDays(-1), InteractionKind.FriendAdded));
            if (buys)
            {
                members.Append(Order(k, Sent.AddHours(1), 1_000m));
            }

            recipients.Add(new CampaignRecipient(person, variant, group, Sent, group == RecipientGroup.Treatment));
        }

        for (var k = 0; k < 4; k++)
        {
            Add(k, 0, RecipientGroup.Treatment, buys: true);
            Add(10 + k, 1, RecipientGroup.Treatment, buys: false);
        }

        Add(20, 0, RecipientGroup.Holdout, buys: true);
        Add(21, 0, RecipientGroup.Holdout, buys: false);
        Add(22, 1, RecipientGroup.Holdout, buys: true);
        Add(23, 1, RecipientGroup.Holdout, buys: false);

        var result = Measure(Campaign("kind == \"purchased\"", "A", "B"), members, recipients, Closed);

        Assert.Equal(["A", "B"], result.Variants.Select(v => v.Name));
        Assert.Equal(0.5, result.Variants[0].Report!.AbsoluteUplift, 1e-12);
        Assert.Equal(-0.5, result.Variants[1].Report!.AbsoluteUplift, 1e-12);
        Assert.Equal(0.0, result.Overall!.AbsoluteUplift, 1e-12);
        Assert.Equal([4L, 4L], result.Variants.Select(v => v.Treated));
        Assert.Equal([2L, 2L], result.Variants.Select(v => v.HeldOut));
    }

    [Fact]
    public void The_goal_decides_what_converts_and_by_default_what_revenue_counts()
    {
        var members = new MemberTable();
        var big = members.Append(Order(1, Sent.AddHours(1), 5_000m));
        var small = members.Append(Order(2, Sent.AddHours(1), 500m));
        var holdout = members.Append(Order(3, Sent.AddHours(1), 4_000m));

        var campaign = Campaign("kind == \"purchased\" && amount >= 3000.0");
        CampaignRecipient[] recipients = [new(big, 0, RecipientGroup.Treatment, Sent, true), new(small, 0, RecipientGroup.Treatment, Sent, true), new(holdout, 0, RecipientGroup.Holdout, Sent, false)];

        var result = Measure(campaign, members, recipients, Closed);
        var spend = Measure(campaign, members, recipients, Closed, new CampaignMeasureOptions { Revenue = WindowRevenue.AllPurchases });

        Assert.Equal(1, result.Overall!.Treatment.Conversions);
        Assert.Equal(1, result.Overall.Holdout.Conversions);
        Assert.Equal(2_500, result.Overall.Treatment.RevenueMean, 1e-9);
        Assert.Equal(2_750, spend.Overall!.Treatment.RevenueMean, 1e-9);
    }

    [Fact]
    public void Measuring_before_the_window_closes_is_refused_unless_asked_and_then_marked_provisional()
    {
        var members = new MemberTable();
        var a = members.Append(Order(1, Sent.AddHours(1), 1_000m));
        var b = members.Append(Order(2, Sent.AddHours(1), 1_000m));
        CampaignRecipient[] recipients = [new(a, 0, RecipientGroup.Treatment, Sent, true), new(b, 0, RecipientGroup.Holdout, Sent.AddHours(11), false)];
        var early = Sent.AddDays(3);

        var error = Assert.Throws<CampaignWindowOpenException>(() => Measure(Campaign(), members, recipients, early));
        Assert.Equal(Sent.AddHours(11).AddDays(7), error.ClosesAt);
        Assert.Contains("AllowOpenWindow", error.Message, StringComparison.Ordinal);

        var provisional = Measure(Campaign(), members, recipients, early, new CampaignMeasureOptions { AllowOpenWindow = true });
        Assert.False(provisional.IsFinal);
        Assert.True(Measure(Campaign(), members, recipients, error.ClosesAt).IsFinal);
    }

    [Fact]
    public void Bad_recipients_are_refused_by_name_before_anything_is_measured()
    {
        var members = new MemberTable();
        var a = members.Append(Order(1, Sent, 1m));

        Assert.Contains("listed twice", Assert.Throws<ArgumentException>(() => Measure(Campaign(), members,
            [new(a, 0, RecipientGroup.Treatment, Sent, true), new(a, 0, RecipientGroup.Holdout, Sent, false)], Closed)).Message, StringComparison.Ordinal);
        Assert.Contains("variants 0 to 0", Assert.Throws<ArgumentException>(() => Measure(Campaign(), members,
            [new(a, 1, RecipientGroup.Treatment, Sent, true)], Closed)).Message, StringComparison.Ordinal);
        Assert.Contains("no person", Assert.Throws<ArgumentException>(() => Measure(Campaign(), members,
            [new(default, 0, RecipientGroup.Treatment, Sent, true)], Closed)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_side_with_nobody_gives_no_report_rather_than_a_made_up_one()
    {
        var members = new MemberTable();
        var a = members.Append(Order(1, Sent.AddHours(1), 1_000m));

        var result = Measure(Campaign(), members, [new(a, 0, RecipientGroup.Treatment, Sent, true)], Closed);

        Assert.Null(result.Overall);
        Assert.Null(result.Variants[0].Report);
        Assert.Equal(1, result.Variants[0].Treated);
    }
}
