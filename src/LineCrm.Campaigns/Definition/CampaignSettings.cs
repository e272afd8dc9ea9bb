namespace LineCrm.Campaigns.Definition;

/// <summary>A campaign's settings beside its segment, variants and goal; every one has a default.</summary>
public sealed record CampaignSettings
{
    /// <summary>The longest conversion window allowed: longer windows mostly measure what would have happened anyway.</summary>
    public static readonly TimeSpan MaxConversionWindow = TimeSpan.FromDays(90);

    /// <summary>Higher wins when caps leave room for fewer campaigns than want a person. Default 0.</summary>
    public int Priority { get; init; }

    /// <summary>The share of eligible persons held out to measure against, 0 to 0.5. Default 0.1.</summary>
    public double HoldoutShare { get; init; } = Assignment.CampaignHoldout.DefaultShare;

    /// <summary>How long after the send a conversion counts: more than zero, at most 90 days. Default 7 days.</summary>
    public TimeSpan ConversionWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>When to send: now (the default), once at an instant or a local time, or recurring.</summary>
    public CampaignSchedule Schedule { get; init => field = value ?? throw new ArgumentNullException(nameof(Schedule)); } = CampaignSchedule.Now;
}
