using System.Text.Json.Nodes;
using LineCrm.Campaigns;
using LineCrm.Campaigns.Definition;
using LineCrm.Campaigns.Measurement;
using LineCrm.Campaigns.Planning;
using LineCrm.Campaigns.Rules;
using LineCrm.Identity;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Testing;
using LineCrm.Samples.Analysis.Campaigns;
using LineCrm.Samples.Analysis.Demo;
using LineCrm.Segmentation.Members;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// Step 7 (demo data only): the loop the product exists for, over a simulated week. Two campaigns are planned over
/// the fact store against a week of earlier sends (caps, quiet hours, priority, the global control group and each
/// campaign's holdout), checked against the month's quota, sent over loopback to an in-process fake LINE server,
/// answered by the demo customers with a planted effect, and measured from the store once their windows close.
/// </summary>
internal static class CampaignStep
{
    private const int Seed = 20261104;

    public static async Task<CampaignWeek> RunAsync(MemberTable members, CancellationToken cancellationToken)
    {
        var clock = new SimulatedClock(DemoCampaigns.RunAt);
        var week = new DemoWeek(Seed);
        var monday = DemoCampaigns.RunAt.AddHours(-8).AddDays(-2);
        week.AddPageViews(members, monday.AddDays(-1));
        var history = new InMemoryDeliveryHistory();
        foreach (var earlier in week.EarlierSends(members, monday))
        {
            history.Add(earlier);
        }

        var now = clock.GetUtcNow();
        var planner = new CampaignPlanner(new DeliveryRules(DemoCampaigns.Policy, clock), history, clock);
        var plan = planner.Plan(members, [.. DemoCampaigns.All.Select(c => c.ToPlanned(members, now, DemoCampaigns.Control, cancellationToken))]);

        await using var line = await FakeLineServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        // The demo account's plan: 150,000 messages a month (the fake's own default is 10,000, which this week would exceed).
        line.Routes.Handle("getMessageQuota", _ => FakeLineReply.Ok(new JsonObject { ["type"] = "limited", ["value"] = 150_000 }));
        var options = new LineMessagingOptions();
        line.ConfigureClient(options);
        using var http = new HttpClient();
        using var client = new LineMessagingClient(http, options);
        var quota = await MessageQuotaCheck.FetchAsync(plan, client, cancellationToken).ConfigureAwait(false);
        quota.ThrowIfExceeded();

        var accepted = await DemoSender.SendAsync(client, clock, members, plan, DemoCampaigns.All, cancellationToken).ConfigureAwait(false);

        var deliveries = line.Deliveries;
        var received = deliveries.SelectMany(d => d.Recipients.Select(r => (r, d.MessagesJson)));
        var webFrom = DemoCampaigns.Winback.Settings.Schedule.OccurrenceAt(now).At;
        var storeFrom = DemoCampaigns.Policy.QuietHours!.NextAllowed(now, DemoCampaigns.Tokyo);
        var responses = week.Respond(members, received, webFrom, storeFrom);

        var outcomes = new List<CampaignOutcome>();
        foreach (var campaign in DemoCampaigns.All)
        {
            var recipients = Recipients(plan, campaign, now, accepted);
            clock.AdvanceTo(recipients.Max(r => r.From) + campaign.Settings.ConversionWindow);
            var result = CampaignMeasurement.Measure(campaign, members, recipients, clock.GetUtcNow(), new CampaignMeasureOptions { PricePerMessage = 3 }, cancellationToken);
            outcomes.Add(new CampaignOutcome(
                campaign,
                plan.Campaigns.Single(c => c.Campaign == campaign.Id),
                result.Messaged,
                result,
                Planted(campaign, result.Variants.Sum(v => v.Treated), result.Variants.Select(v => v.Messaged).ToArray()),
                [.. result.Variants.Select((v, k) => Planted(campaign, v.Treated, [.. Enumerable.Range(0, campaign.Variants.Count).Select(j => j == k ? v.Messaged : 0L)]))]));
        }

        return new CampaignWeek(
            DemoCampaigns.RunAt,
            $"caps {string.Join(", ", DemoCampaigns.Policy.Caps)}; quiet hours {DemoCampaigns.Policy.QuietHours} {DemoCampaigns.Tokyo.Id}; global control {DemoCampaigns.Control.Share * 100:0}%",
            quota,
            deliveries.Count,
            deliveries.Sum(d => (long)d.Recipients.Count),
            responses,
            outcomes);
    }

    /// <summary>
    /// Everyone the campaign assigned: the treated (sent, deferred or capped) from their send time, the held-out
    /// from when they would have been sent (the run's time, moved by quiet hours as a send would have been).
    /// </summary>
    private static List<CampaignRecipient> Recipients(CampaignPlan plan, Campaign campaign, DateTimeOffset now, IReadOnlySet<(CampaignId, PersonId)> accepted)
    {
        var requested = campaign.Settings.Schedule.OccurrenceAt(now).At is var at && at > now ? at : now;
        var wouldBe = DemoCampaigns.Policy.QuietHours!.NextAllowed(requested, DemoCampaigns.Tokyo);
        var recipients = plan.Deliveries.Where(d => d.Campaign == campaign.Id)
            .Select(d => new CampaignRecipient(d.Person, d.Variant, RecipientGroup.Treatment, d.Decision.SendAt, accepted.Contains((campaign.Id, d.Person))))
            .ToList();
        recipients.AddRange(plan.HeldOut.Where(h => h.Campaign == campaign.Id).Select(h => new CampaignRecipient(h.Person, h.Variant, RecipientGroup.Holdout, wouldBe, false)));
        return recipients;
    }

    /// <summary>The planted effect as a group sees it: each variant's plant times its messaged persons, over the group.</summary>
    private static double Planted(Campaign campaign, long treated, long[] messaged) =>
        treated == 0 ? 0 : Enumerable.Range(0, campaign.Variants.Count).Sum(k => DemoWeek.Planted[(campaign.Id.Value, campaign.Variants[k].Name)] * messaged[k]) / treated;
}
