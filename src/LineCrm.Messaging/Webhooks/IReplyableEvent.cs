namespace LineCrm.Messaging.Webhooks;

/// <summary>An event that LINE lets the bot answer with a reply message, through its one-use reply token.</summary>
public interface IReplyableEvent
{
    /// <summary>The reply token; null when LINE did not send one (for example a failed account link).</summary>
    string? ReplyToken { get; }
}
