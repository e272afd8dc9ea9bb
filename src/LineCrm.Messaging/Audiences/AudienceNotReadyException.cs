namespace LineCrm.Messaging.Audiences;

/// <summary>
/// An audience ended in a state from which it never becomes <see cref="AudienceGroupStatus.Ready"/>
/// (<see cref="AudienceGroupStatus.Failed"/>, <see cref="AudienceGroupStatus.Expired"/> or
/// <see cref="AudienceGroupStatus.Inactive"/>), so nothing can be sent to it. Thrown by
/// <c>LineMessagingClient.WaitForAudienceReadyAsync</c>; LINE itself answered without error.
/// </summary>
public sealed class AudienceNotReadyException : Exception
{
    /// <summary>Creates the exception from the audience as LINE last described it.</summary>
    /// <param name="audience">The audience, in its final state.</param>
    public AudienceNotReadyException(AudienceGroup audience)
        : base(Describe(audience))
    {
        Audience = audience;
    }

    /// <summary>The audience as LINE last described it: its id, <see cref="AudienceGroup.Status"/> and <see cref="AudienceGroup.FailedType"/>.</summary>
    public AudienceGroup Audience { get; }

    private static string Describe(AudienceGroup audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var why = audience.FailedType is { } failed ? $" ({failed})" : "";
        return $"Audience {audience.AudienceGroupId} is {audience.Status}{why}; it will not become READY.";
    }
}
