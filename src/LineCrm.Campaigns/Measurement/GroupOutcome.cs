namespace LineCrm.Campaigns.Measurement;

/// <summary>
/// What one group (a campaign's treatment or its holdout) did within the conversion window: how many persons,
/// how many of them converted, and the mean and sample variance of revenue per person (persons without a purchase
/// count as 0). <see cref="GroupOutcomeBuilder"/> makes one person by person.
/// </summary>
public sealed record GroupOutcome
{
    /// <summary>Makes an outcome.</summary>
    /// <param name="persons">The persons in the group: 1 or more.</param>
    /// <param name="conversions">How many of them converted: 0 to <paramref name="persons"/>.</param>
    /// <param name="revenueMean">The mean revenue per person.</param>
    /// <param name="revenueVariance">The sample variance (divided by n - 1) of revenue per person; 0 for one person.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or revenue figure is out of its range or not finite.</exception>
    public GroupOutcome(long persons, long conversions, double revenueMean = 0, double revenueVariance = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(persons, 1);
        if (conversions < 0 || conversions > persons)
        {
            throw new ArgumentOutOfRangeException(nameof(conversions), conversions, $"Conversions are 0 to the {persons} persons of the group.");
        }

        if (!double.IsFinite(revenueMean))
        {
            throw new ArgumentOutOfRangeException(nameof(revenueMean), revenueMean, "The mean revenue per person must be a finite number.");
        }

        if (!(revenueVariance >= 0 && double.IsFinite(revenueVariance)))
        {
            throw new ArgumentOutOfRangeException(nameof(revenueVariance), revenueVariance, "The variance of revenue per person is a finite number, 0 or more.");
        }

        Persons = persons;
        Conversions = conversions;
        RevenueMean = revenueMean;
        RevenueVariance = revenueVariance;
    }

    /// <summary>The persons in the group.</summary>
    public long Persons { get; }

    /// <summary>How many of them converted within the window.</summary>
    public long Conversions { get; }

    /// <summary>The mean revenue per person.</summary>
    public double RevenueMean { get; }

    /// <summary>The sample variance of revenue per person.</summary>
    public double RevenueVariance { get; }

    /// <summary>The conversion rate, conversions over persons.</summary>
    public double ConversionRate => (double)Conversions / Persons;
}
