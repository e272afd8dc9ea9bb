namespace LineCrm.Campaigns.Rules;

/// <summary>
/// The rules every campaign's sends obey together: frequency caps across campaigns, quiet hours, and the time zone
/// whose calendar and clock they follow for persons whose own zone is not known.
/// </summary>
public sealed record DeliveryPolicy
{
    /// <summary>The account's time zone when none is given: Asia/Tokyo.</summary>
    public const string DefaultTimeZoneId = "Asia/Tokyo";

    /// <summary>Makes a policy.</summary>
    /// <param name="caps">The frequency caps, all of which must hold; none for no cap.</param>
    /// <param name="quietHours">The quiet hours, or null for none.</param>
    /// <param name="accountTimeZone">The account's time zone; null for <see cref="DefaultTimeZoneId"/>.</param>
    public DeliveryPolicy(IReadOnlyList<FrequencyCap> caps, QuietHours? quietHours = null, TimeZoneInfo? accountTimeZone = null)
    {
        ArgumentNullException.ThrowIfNull(caps);
        if (caps.Any(c => c is null))
        {
            throw new ArgumentException("A frequency cap in the list is null.", nameof(caps));
        }

        Caps = [.. caps];
        QuietHours = quietHours;
        AccountTimeZone = accountTimeZone ?? TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);
    }

    /// <summary>The frequency caps, all of which must hold.</summary>
    public IReadOnlyList<FrequencyCap> Caps { get; }

    /// <summary>The quiet hours, or null for none.</summary>
    public QuietHours? QuietHours { get; }

    /// <summary>The calendar and clock of persons whose own zone is not known.</summary>
    public TimeZoneInfo AccountTimeZone { get; }
}
