namespace LineCrm.Messaging.Webhooks;

/// <summary>The module channel became the active channel (<c>activated</c>; sent to module channels).</summary>
public sealed record ActivatedEvent : WebhookEvent
{
    /// <inheritdoc />
    public override string Type => "activated";

    /// <summary>When chat control expires (<c>chatControl.expireAt</c>).</summary>
    public DateTimeOffset ExpireAt { get; init; }
}

/// <summary>The module channel went to standby (<c>deactivated</c>; sent to module channels).</summary>
public sealed record DeactivatedEvent : WebhookEvent
{
    /// <inheritdoc />
    public override string Type => "deactivated";
}

/// <summary>The account was suspended (<c>botSuspended</c>; sent to module channels).</summary>
public sealed record BotSuspendedEvent : WebhookEvent
{
    /// <inheritdoc />
    public override string Type => "botSuspended";
}

/// <summary>The account came back from suspension (<c>botResumed</c>; sent to module channels).</summary>
public sealed record BotResumedEvent : WebhookEvent
{
    /// <inheritdoc />
    public override string Type => "botResumed";
}
