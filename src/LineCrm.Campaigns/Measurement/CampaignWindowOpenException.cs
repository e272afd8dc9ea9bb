namespace LineCrm.Campaigns.Measurement;

/// <summary>A campaign was to be measured before its conversion window closed, and the caller did not ask for an early look.</summary>
public sealed class CampaignWindowOpenException : InvalidOperationException
{
    /// <summary>Makes the exception.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="closesAt">When its last recipient's window closes.</param>
    /// <param name="now">When it was asked.</param>
    public CampaignWindowOpenException(CampaignId campaign, DateTimeOffset closesAt, DateTimeOffset now)
        : base($"Campaign '{campaign}' is measured at {now:O}, but its conversion window closes at {closesAt:O}: the result would "
            + "change, and stopping at the first good-looking interval inflates false positives. Measure after that, or set "
            + $"{nameof(CampaignMeasureOptions)}.{nameof(CampaignMeasureOptions.AllowOpenWindow)} for a provisional result.")
    {
        Campaign = campaign;
        ClosesAt = closesAt;
    }

    /// <summary>The campaign.</summary>
    public CampaignId Campaign { get; }

    /// <summary>When its conversion window closes.</summary>
    public DateTimeOffset ClosesAt { get; }
}
