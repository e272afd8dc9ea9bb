namespace LineCrm.Campaigns.Rules;

/// <summary>
/// A frequency cap across all campaigns: at most <see cref="Limit"/> messages to one person in one calendar
/// <see cref="Period"/> of their local time. Every message counts, whichever campaign sent it.
/// </summary>
public sealed record FrequencyCap
{
    /// <summary>Makes a cap.</summary>
    /// <param name="limit">The most messages allowed in one period: 1 or more.</param>
    /// <param name="period">The calendar period counted over.</param>
    /// <exception cref="ArgumentOutOfRangeException">The limit is below 1, or the period is not a <see cref="CapPeriod"/>.</exception>
    public FrequencyCap(int limit, CapPeriod period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (!Enum.IsDefined(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A cap counts over a Day or a Week.");
        }

        Limit = limit;
        Period = period;
    }

    /// <summary>The most messages allowed in one period.</summary>
    public int Limit { get; }

    /// <summary>The calendar period counted over.</summary>
    public CapPeriod Period { get; }

    /// <summary>The rule in words, for example "at most 2 a day".</summary>
    public override string ToString() => $"at most {Limit} a {(Period == CapPeriod.Day ? "day" : "week")}";
}
