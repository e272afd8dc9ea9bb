namespace LineCrm.Campaigns.Measurement;

/// <summary>
/// A campaign's measured effect: its treatment group against its holdout, within the conversion window. Every
/// interval is two-sided at 95%; the formulas are in docs/campaigns.md.
/// </summary>
public sealed record UpliftReport
{
    /// <summary>The treatment group (messaged).</summary>
    public required GroupOutcome Treatment { get; init; }

    /// <summary>The holdout (not messaged).</summary>
    public required GroupOutcome Holdout { get; init; }

    /// <summary>Treatment conversion rate minus holdout conversion rate.</summary>
    public required double AbsoluteUplift { get; init; }

    /// <summary>Newcombe's hybrid score interval (method 10) of <see cref="AbsoluteUplift"/>.</summary>
    public required ConfidenceInterval AbsoluteUpliftInterval { get; init; }

    /// <summary><see cref="AbsoluteUplift"/> over the holdout's rate; null when the holdout did not convert at all.</summary>
    public required double? RelativeUplift { get; init; }

    /// <summary>Treatment revenue per person minus holdout revenue per person.</summary>
    public required double RevenuePerPersonDifference { get; init; }

    /// <summary>Welch's interval of <see cref="RevenuePerPersonDifference"/>; null when a group has fewer than 2 persons.</summary>
    public required ConfidenceInterval? RevenuePerPersonDifferenceInterval { get; init; }

    /// <summary>The Welch-Satterthwaite degrees of freedom of that interval; null with it.</summary>
    public required double? RevenueDegreesOfFreedom { get; init; }

    /// <summary>The conversions the campaign caused: <see cref="AbsoluteUplift"/> times the treatment persons.</summary>
    public required double IncrementalConversions { get; init; }

    /// <summary><see cref="AbsoluteUpliftInterval"/> times the treatment persons.</summary>
    public required ConfidenceInterval IncrementalConversionsInterval { get; init; }

    /// <summary>The revenue the campaign caused: <see cref="RevenuePerPersonDifference"/> times the treatment persons.</summary>
    public required double IncrementalRevenue { get; init; }

    /// <summary>What the treatment's messages cost: the price per message times the messages sent.</summary>
    public required double MessageCost { get; init; }

    /// <summary><see cref="MessageCost"/> over <see cref="IncrementalConversions"/>; null when the campaign caused none (0 or fewer).</summary>
    public required double? CostPerIncrementalConversion { get; init; }

    /// <summary>
    /// The smallest absolute uplift these group sizes detect with a two-sided test at alpha 0.05 and power 0.8.
    /// </summary>
    public required double MinimumDetectableEffect { get; init; }

    /// <summary>
    /// Whether the observed uplift is smaller (in size) than <see cref="MinimumDetectableEffect"/>: the holdout is
    /// too small to tell an effect of this size from chance, so "no significant effect" means little.
    /// </summary>
    public bool HoldoutTooSmall => Math.Abs(AbsoluteUplift) < MinimumDetectableEffect;
}
