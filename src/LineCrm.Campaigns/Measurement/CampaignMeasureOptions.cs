using LineCrm.Segmentation;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Campaigns.Measurement;

/// <summary>How <see cref="CampaignMeasurement.Measure"/> prices, converts and reads; every one has a default.</summary>
public sealed record CampaignMeasureOptions
{
    /// <summary>What one paid message costs, in the currency of the revenue; default 0.</summary>
    public double PricePerMessage { get; init; }

    /// <summary>The ISO 4217 code of the revenue; null when the store holds purchases in one currency only.</summary>
    public string? Currency { get; init; }

    /// <summary>
    /// Which purchases in a person's window make their revenue: those the conversion goal accepts (the default: what
    /// the campaign aimed at, not blurred by other campaigns' effects on other purchases), or all of them (the whole
    /// spend, which also shows sales taken from elsewhere).
    /// </summary>
    public WindowRevenue Revenue { get; init; }

    /// <summary>
    /// Measure before the conversion window has closed, and mark the result provisional. Default false: an early look
    /// is refused, since reading the interval every day and stopping when it excludes zero inflates false positives.
    /// </summary>
    public bool AllowOpenWindow { get; init; }

    /// <summary>The degree of parallelism of the pass over the store; every core when null.</summary>
    public ComputeOptions? Compute { get; init; }
}
