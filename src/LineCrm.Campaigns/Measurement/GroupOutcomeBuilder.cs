namespace LineCrm.Campaigns.Measurement;

/// <summary>
/// Adds up a <see cref="GroupOutcome"/> one person at a time, with Welford's running mean and variance, which
/// stay accurate where a sum of squares of large revenues would lose its digits.
/// </summary>
public sealed class GroupOutcomeBuilder
{
    private long _persons;
    private long _conversions;
    private double _mean;
    private double _sumOfSquaredDeviations;

    /// <summary>Adds one person.</summary>
    /// <param name="converted">Whether they converted within the window.</param>
    /// <param name="revenue">Their revenue within the window; 0 for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">The revenue is not a finite number.</exception>
    public void Add(bool converted, double revenue = 0)
    {
        if (!double.IsFinite(revenue))
        {
            throw new ArgumentOutOfRangeException(nameof(revenue), revenue, "Revenue must be a finite number.");
        }

        _persons++;
        if (converted)
        {
            _conversions++;
        }

        var delta = revenue - _mean;
        _mean += delta / _persons;
        _sumOfSquaredDeviations += delta * (revenue - _mean);
    }

    /// <summary>The persons added so far.</summary>
    public long Persons => _persons;

    /// <summary>The outcome of the persons added.</summary>
    /// <exception cref="InvalidOperationException">No person was added.</exception>
    public GroupOutcome Build()
    {
        if (_persons == 0)
        {
            throw new InvalidOperationException("A group outcome needs at least one person.");
        }

        var variance = _persons > 1 ? Math.Max(0, _sumOfSquaredDeviations / (_persons - 1)) : 0;
        return new GroupOutcome(_persons, _conversions, _mean, variance);
    }
}
