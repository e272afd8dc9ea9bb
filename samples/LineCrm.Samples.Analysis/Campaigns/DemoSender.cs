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
                foreach (var group in batch.GroupBy(d => template.Render(members.TryGetFacts(d.Person, out var f) ? f : null).Json))
                {
                    var messages = template.Render(members.TryGetFacts(group.First().Person, out var facts) ? facts : null).Messages;
                    var job = BulkSendJob.Create(group.Select(d => d.LineUser.Value), messages);
                    job = await client.SendBulkAsync(job, cancellationToken: cancellationToken).ConfigureAwait(false);
                    var ok = job.Chunks.Where(c => c.Status == BulkChunkStatus.Accepted).SelectMany(c => c.UserIds).ToHashSet(StringComparer.Ordinal);
                    accepted.UnionWith(group.Where(d => ok.Contains(d.LineUser.Value)).Select(d => (d.Campaign, d.Person)));
                }
            }
        }

        return accepted;
    }
}
