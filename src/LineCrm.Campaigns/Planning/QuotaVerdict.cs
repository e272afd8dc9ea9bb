namespace LineCrm.Campaigns.Planning;

/// <summary>A plan's paid messages beside the month's quota.</summary>
/// <param name="PaidMessages">What the plan would send.</param>
/// <param name="Quota">The month's target limit; null when the account has none.</param>
/// <param name="Used">Messages already sent this month.</param>
public sealed record QuotaVerdict(long PaidMessages, long? Quota, long Used)
{
    /// <summary>What is left of the quota before the plan; null without a limit.</summary>
    public long? Remaining => Quota is { } q ? Math.Max(0, q - Used) : null;

    /// <summary>Whether sending the plan would go past the quota.</summary>
    public bool Exceeds => Remaining is { } left && PaidMessages > left;

    /// <summary>
    /// Refuses to go on when the plan would exceed the quota, unless <paramref name="allowOverQuota"/> says to: call it
    /// before starting a send.
    /// </summary>
    /// <param name="allowOverQuota">True to send anyway (LINE then refuses the messages past the limit).</param>
    /// <exception cref="InvalidOperationException">The plan exceeds the quota and sending over it was not allowed.</exception>
    public void ThrowIfExceeded(bool allowOverQuota = false)
    {
        if (Exceeds && !allowOverQuota)
        {
            throw new InvalidOperationException(
                $"The plan sends {PaidMessages:N0} paid messages but {Remaining:N0} of this month's {Quota:N0} are left ({Used:N0} used); "
                + "shrink the campaigns, or allow sending over the quota.");
        }
    }
}
