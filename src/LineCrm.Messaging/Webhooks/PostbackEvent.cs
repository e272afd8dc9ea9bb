namespace LineCrm.Messaging.Webhooks;

/// <summary>A user tapped a postback action (<c>postback</c>).</summary>
public sealed record PostbackEvent : WebhookEvent, IReplyableEvent
{
    /// <inheritdoc />
    public override string Type => "postback";

    /// <inheritdoc />
    public string? ReplyToken { get; init; }

    /// <summary>The action's data string (<c>postback.data</c>).</summary>
    public string Data { get; init; } = string.Empty;

    /// <summary>
    /// What a date-time picker or rich menu switch action chose (<c>postback.params</c>: <c>date</c>, <c>time</c>,
    /// <c>datetime</c>, <c>newRichMenuAliasId</c>, <c>status</c>, ...); empty when the action had none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } = EmptyParams;

    private static readonly IReadOnlyDictionary<string, string> EmptyParams = new Dictionary<string, string>();
}
