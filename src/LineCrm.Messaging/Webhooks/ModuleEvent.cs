namespace LineCrm.Messaging.Webhooks;

/// <summary>A module channel was attached to or detached from an account (<c>module</c>; sent to module channels).</summary>
public sealed record ModuleEvent : WebhookEvent
{
    /// <inheritdoc />
    public override string Type => "module";

    /// <summary>What happened; <see cref="UnknownModuleContent"/> for a kind this version does not know.</summary>
    public required ModuleContent Module { get; init; }
}
