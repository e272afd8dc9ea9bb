namespace LineCrm.Campaigns.Rules;

/// <summary>The calendar period a <see cref="FrequencyCap"/> counts over, in the person's local time.</summary>
public enum CapPeriod
{
    /// <summary>The calendar day, midnight to midnight local time.</summary>
    Day,

    /// <summary>The ISO calendar week, Monday 00:00 to the next Monday 00:00 local time.</summary>
    Week,
}
