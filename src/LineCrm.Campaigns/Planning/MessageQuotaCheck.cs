using LineCrm.Messaging.Client;

namespace LineCrm.Campaigns.Planning;

/// <summary>Reads the month's quota and consumption from LINE, to set a plan against them.</summary>
public static class MessageQuotaCheck
{
    /// <summary>
    /// Asks LINE for this month's target limit (<c>getMessageQuota</c>) and the messages sent so far
    /// (<c>getMessageQuotaConsumption</c>), and sets <paramref name="plan"/> against them.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="client">The LINE client of the account the plan sends from.</param>
    /// <param name="cancellationToken">Cancels the two requests.</param>
    /// <returns>The verdict; its <see cref="QuotaVerdict.Quota"/> is null when LINE says the account has no limit.</returns>
    public static async Task<QuotaVerdict> FetchAsync(CampaignPlan plan, LineMessagingClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(client);
        var quota = await client.GetMessageQuotaAsync(cancellationToken).ConfigureAwait(false);
        var used = await client.GetMessageQuotaConsumptionAsync(cancellationToken).ConfigureAwait(false);
        var limit = quota.Value.Type == "limited" ? quota.Value.Value : null;
        return plan.Against(limit, used.Value.TotalUsage);
    }
}
