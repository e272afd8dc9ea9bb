namespace LineCrm.Messaging.Webhooks;

/// <summary>A user came into range of a LINE Beacon (<c>beacon</c>).</summary>
public sealed record BeaconEvent : WebhookEvent, IReplyableEvent
{
    /// <inheritdoc />
    public override string Type => "beacon";

    /// <inheritdoc />
    public string? ReplyToken { get; init; }

    /// <summary>The beacon's hardware id (<c>beacon.hwid</c>).</summary>
    public string HardwareId { get; init; } = string.Empty;

    /// <summary>What happened: <c>enter</c>, <c>banner</c> or <c>stay</c> (<c>beacon.type</c>); other values may appear in future.</summary>
    public string BeaconType { get; init; } = string.Empty;

    /// <summary>The beacon's device message (<c>beacon.dm</c>), if it sent one.</summary>
    public string? DeviceMessage { get; init; }
}
