namespace LineCrm.Campaigns.Measurement;

/// <summary>Measures a campaign's effect from its treatment group and holdout (docs/campaigns.md, "Measurement").</summary>
public static class UpliftMeasurement
{
    /// <summary>The confidence level of every interval.</summary>
    public const double Confidence = 0.95;

    /// <summary>The significance level of the minimum detectable effect: two-sided 0.05.</summary>
    public const double Alpha = 0.05;

    /// <summary>The power of the minimum detectable effect.</summary>
    public const double Power = 0.8;

    /// <summary>Measures the effect.</summary>
    /// <param name="treatment">The messaged persons' outcome.</param>
    /// <param name="holdout">The held-out persons' outcome.</param>
    /// <param name="options">The price of messages; null for free.</param>
    /// <exception cref="ArgumentOutOfRangeException">The price is negative or not finite, or the messages sent are negative.</exception>
    public static UpliftReport Measure(GroupOutcome treatment, GroupOutcome holdout, UpliftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(holdout);
        options ??= new UpliftOptions();
        if (!(options.PricePerMessage >= 0 && double.IsFinite(options.PricePerMessage)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PricePerMessage, "The price per message is a finite number, 0 or more.");
        }

        if (options.MessagesSent is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MessagesSent, "The messages sent are 0 or more.");
        }

        var z = Quantiles.Normal(1 - ((1 - Confidence) / 2));
        var uplift = treatment.ConversionRate - holdout.ConversionRate;
        var interval = NewcombeHybrid.Interval(treatment.Conversions, treatment.Persons, holdout.Conversions, holdout.Persons, z);
        var welch = WelchInterval.Compute(treatment, holdout, Confidence);
        var revenueDifference = treatment.RevenueMean - holdout.RevenueMean;
        var incremental = uplift * treatment.Persons;
        var cost = options.PricePerMessage * (options.MessagesSent ?? treatment.Persons);
        return new UpliftReport
        {
            Treatment = treatment,
            Holdout = holdout,
            AbsoluteUplift = uplift,
            AbsoluteUpliftInterval = interval,
            RelativeUplift = holdout.Conversions > 0 ? uplift / holdout.ConversionRate : null,
            RevenuePerPersonDifference = revenueDifference,
            RevenuePerPersonDifferenceInterval = welch?.Interval,
            RevenueDegreesOfFreedom = welch?.DegreesOfFreedom,
            IncrementalConversions = incremental,
            IncrementalConversionsInterval = interval.Times(treatment.Persons),
            IncrementalRevenue = revenueDifference * treatment.Persons,
            MessageCost = cost,
            CostPerIncrementalConversion = incremental > 0 ? cost / incremental : null,
            MinimumDetectableEffect = MinimumDetectableEffect.Compute(treatment, holdout, Alpha, Power),
        };
    }
}
