using LineCrm.Campaigns;
using LineCrm.Campaigns.Definition;
using LineCrm.Campaigns.Planning;
using LineCrm.Identity;
using LineCrm.Messaging.Client;
using LineCrm.Segmentation.Members;

namespace LineCrm.Samples.Analysis.Campaigns;

/// <summary>Sends the plan's messages when they are due, each variant's recipients grouped by the text they get.</summary>
internal static class DemoSender
{
    public static async Task<IReadOnlySet<(CampaignId, PersonId)>> SendAsync(
        LineMessagingClient client, SimulatedClock clock, MemberTable members, CampaignPlan plan, IReadOnlyList<Campaign> campaigns, CancellationToken cancellationToken)
    {
        var accepted = new HashSet<(CampaignId, PersonId)>();
        foreach (var due in plan.Deliveries.Where(d => d.Decision.IsSent).GroupBy(d => d.Decision.SendAt).OrderBy(g => g.Key))
        {
            clock.AdvanceTo(due.Key);
            foreach (var batch in due.GroupBy(d => (d.Campaign, d.Variant)))
            {
                var template = campaigns.Single(c => c.Id == batch.Key.Campaign).Templates[batch.Key.Variant];
                var rendered = batch.Select(d => (Delivery: d, Messages: template.Render(members.TryGetFacts(d.Person, out var facts) ? facts : null)));
                foreach (var group in rendered.GroupBy(r => r.Messages.Json, r => r, StringComparer.Ordinal))
                {
                    var messages = group.First().Messages.Messages;
                    var job = BulkSendJob.Create(group.Select(r => r.Delivery.LineUser.Value), messages);
                    job = await client.SendBulkAsync(job, cancellationToken: cancellationToken).ConfigureAwait(false);
                    var ok = job.Chunks.Where(c => c.Status == BulkChunkStatus.Accepted).SelectMany(c => c.UserIds).ToHashSet(StringComparer.Ordinal);
                    accepted.UnionWith(group.Where(r => ok.Contains(r.Delivery.LineUser.Value)).Select(r => (r.Delivery.Campaign, r.Delivery.Person)));
                }
            }
        }

        return accepted;
    }
}
