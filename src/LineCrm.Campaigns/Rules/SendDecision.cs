namespace LineCrm.Campaigns.Rules;

/// <summary>The rules' decision for one campaign and one person, with its reason.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Outcome">Send, deferred, or skipped and why.</param>
/// <param name="RequestedAt">When the campaign wanted to send (now if it asked for a time already past).</param>
/// <param name="SendAt">When it sends, or for a skipped send when it would have sent: the time the caps were checked at.</param>
/// <param name="Cap">The cap that skipped the send; null when it is sent.</param>
/// <param name="CappedBy">For <see cref="SendOutcome.CappedByCampaign"/>, the campaigns of this plan whose sends filled <see cref="Cap"/>, highest priority first; else empty.</param>
public sealed record SendDecision(
    CampaignId Campaign,
    SendOutcome Outcome,
    DateTimeOffset RequestedAt,
    DateTimeOffset SendAt,
    FrequencyCap? Cap,
    IReadOnlyList<CampaignId> CappedBy)
{
    /// <summary>Whether the message goes out (now or deferred).</summary>
    public bool IsSent => Outcome is SendOutcome.Send or SendOutcome.Deferred;

    /// <summary>The reason in words, for the record of a skipped or deferred send.</summary>
    public string Reason => Outcome switch
    {
        SendOutcome.Send => "sent",
        SendOutcome.Deferred => $"deferred by quiet hours to {SendAt:O}",
        SendOutcome.CappedByRule => $"capped: {Cap}",
        _ => $"capped by campaign {string.Join(", ", CappedBy)}: {Cap}",
    };
}
