namespace LineCrm.Messaging.Webhooks;

/// <summary>A user watched a video message with a tracking id to the end (<c>videoPlayComplete</c>).</summary>
public sealed record VideoPlayCompleteEvent : WebhookEvent, IReplyableEvent
{
    /// <inheritdoc />
    public override string Type => "videoPlayComplete";

    /// <inheritdoc />
    public string? ReplyToken { get; init; }

    /// <summary>The tracking id the video message was sent with (<c>videoPlayComplete.trackingId</c>).</summary>
    public string TrackingId { get; init; } = string.Empty;
}
