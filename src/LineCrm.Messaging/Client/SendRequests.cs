using System.Text.Json.Serialization;
using LineCrm.Messaging.Messages;

namespace LineCrm.Messaging.Client;

/// <summary>The body of a reply (<c>replyMessage</c>).</summary>
/// <param name="ReplyToken">The reply token from the webhook event; single use, valid for a short time.</param>
/// <param name="Messages">1 to 5 messages.</param>
public sealed record ReplyMessageRequest(string ReplyToken, IReadOnlyList<Message> Messages)
{
    /// <summary>True to deliver without a push notification.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotificationDisabled { get; init; }
}

/// <summary>The body of a push (<c>pushMessage</c>).</summary>
/// <param name="To">The user, group or room id to send to.</param>
/// <param name="Messages">1 to 5 messages.</param>
public sealed record PushMessageRequest(string To, IReadOnlyList<Message> Messages)
{
    /// <summary>True to deliver without a push notification.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotificationDisabled { get; init; }

    /// <summary>Names of custom aggregation units for statistics (case-sensitive; corporate users only).</summary>
    public IReadOnlyList<string>? CustomAggregationUnits { get; init; }
}
