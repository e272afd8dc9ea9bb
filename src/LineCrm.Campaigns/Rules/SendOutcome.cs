namespace LineCrm.Campaigns.Rules;

/// <summary>What the rules decided for one campaign's wish to message one person.</summary>
public enum SendOutcome
{
    /// <summary>Send at the time asked for (or now).</summary>
    Send,

    /// <summary>Send, but later: the time asked for fell in quiet hours.</summary>
    Deferred,

    /// <summary>Skipped: the person's delivery history alone already fills a cap in the period of the send.</summary>
    CappedByRule,

    /// <summary>Skipped: higher-priority campaigns of the same plan filled a cap in the period of the send.</summary>
    CappedByCampaign,
}
