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

/// <summary>The body of a multicast (<c>multicast</c>): the same messages to up to 500 users.</summary>
/// <param name="To">1 to 500 user ids (not group or room ids).</param>
/// <param name="Messages">1 to 5 messages.</param>
public sealed record MulticastRequest(IReadOnlyList<string> To, IReadOnlyList<Message> Messages)
{
    /// <summary>True to deliver without a push notification.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotificationDisabled { get; init; }

    /// <summary>At most one custom aggregation unit name (1 to 30 of <c>[a-zA-Z0-9_]</c>).</summary>
    public IReadOnlyList<string>? CustomAggregationUnits { get; init; }
}

/// <summary>The body of a broadcast (<c>broadcast</c>): the messages to every friend.</summary>
/// <param name="Messages">1 to 5 messages.</param>
public sealed record BroadcastRequest(IReadOnlyList<Message> Messages)
{
    /// <summary>True to deliver without a push notification.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotificationDisabled { get; init; }
}

/// <summary>The body of a narrowcast (<c>narrowcast</c>): messages to an audience, filtered and limited.</summary>
/// <param name="Messages">1 to 5 messages.</param>
public sealed record NarrowcastRequest(IReadOnlyList<Message> Messages)
{
    /// <summary>Who receives it (audiences, redelivery, and/or/not); every friend when null.</summary>
    public NarrowcastRecipient? Recipient { get; init; }

    /// <summary>
    /// A demographic filter (age, gender, area, app type, friendship period and their and/or/not) as LINE's JSON
    /// <c>filter</c> object, for example <c>{"demographic":{"type":"gender","oneOf":["female"]}}</c>.
    /// </summary>
    public System.Text.Json.JsonElement? Filter { get; init; }

    /// <summary>The most recipients, and whether to stay within the remaining quota.</summary>
    public NarrowcastLimit? Limit { get; init; }

    /// <summary>True to deliver without a push notification.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotificationDisabled { get; init; }
}

/// <summary>A narrowcast's <c>limit</c>.</summary>
/// <param name="Max">The most recipients (chosen at random), at least 1.</param>
public sealed record NarrowcastLimit(int? Max = null)
{
    /// <summary>True to send only as many as the remaining monthly quota allows.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool UpToRemainingQuota { get; init; }

    /// <summary>True to cancel rather than deliver to part of the audience (needs <see cref="UpToRemainingQuota"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ForbidPartialDelivery { get; init; }
}

/// <summary>The body of <c>showLoadingAnimation</c>.</summary>
/// <param name="ChatId">The user id of the one-on-one chat.</param>
/// <param name="LoadingSeconds">5 to 60 in steps of 5; LINE's default (20) when null.</param>
public sealed record ShowLoadingAnimationRequest(string ChatId, int? LoadingSeconds = null);

internal sealed record ValidateMessageRequest(IReadOnlyList<Message> Messages);

internal sealed record ChatReference(string UserId);

internal sealed record MarkMessagesAsReadRequest(ChatReference Chat);

internal sealed record MarkMessagesAsReadByTokenRequest(string MarkAsReadToken);
