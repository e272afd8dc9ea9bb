namespace LineCrm.Messaging.Client;

/// <summary>One message that LINE sent.</summary>
/// <param name="Id">LINE's id of the sent message.</param>
/// <param name="QuoteToken">The token to quote this message later, when it can be quoted.</param>
public sealed record SentMessage(string Id, string? QuoteToken = null);

/// <summary>What LINE answered to a reply.</summary>
/// <param name="SentMessages">The messages sent, in request order.</param>
public sealed record ReplyMessageResponse(IReadOnlyList<SentMessage> SentMessages);

/// <summary>What LINE answered to a push.</summary>
/// <param name="SentMessages">
/// The messages sent, in request order. When the push had already been accepted under the same retry key (see
/// <see cref="LineResponse.AcceptedRequestId"/>), these are the messages of that earlier request, when LINE said.
/// </param>
public sealed record PushMessageResponse(IReadOnlyList<SentMessage> SentMessages);

/// <summary>A link token for account linking (<c>issueLinkToken</c>): valid for 10 minutes, usable once.</summary>
/// <param name="LinkToken">The token to put in the account-linking URL.</param>
public sealed record IssueLinkTokenResponse(string LinkToken);

/// <summary>A narrowcast's progress (<c>getNarrowcastProgress</c>).</summary>
/// <param name="Phase"><c>waiting</c>, <c>sending</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="AcceptedTime">When LINE accepted the request.</param>
public sealed record NarrowcastProgressResponse(string Phase, DateTimeOffset AcceptedTime)
{
    /// <summary>Users who received it.</summary>
    public long? SuccessCount { get; init; }

    /// <summary>Users it failed for.</summary>
    public long? FailureCount { get; init; }

    /// <summary>Intended recipients.</summary>
    public long? TargetCount { get; init; }

    /// <summary>Why it failed (phase <c>failed</c>).</summary>
    public string? FailedDescription { get; init; }

    /// <summary>LINE's error code when failed (1 internal, 2 too few recipients, 3 retried request, 4 audience under 50, 5 partial delivery forbidden).</summary>
    public long? ErrorCode { get; init; }

    /// <summary>When processing finished (phase <c>succeeded</c> or <c>failed</c>).</summary>
    public DateTimeOffset? CompletedTime { get; init; }
}

/// <summary>This month's message target limit (<c>getMessageQuota</c>).</summary>
/// <param name="Type"><c>none</c> (no limit) or <c>limited</c>.</param>
/// <param name="Value">The limit, when <paramref name="Type"/> is <c>limited</c>.</param>
public sealed record MessageQuotaResponse(string Type, long? Value = null);

/// <summary>Messages sent this month (<c>getMessageQuotaConsumption</c>).</summary>
/// <param name="TotalUsage">The number of messages counted against the quota.</param>
public sealed record QuotaConsumptionResponse(long TotalUsage);

/// <summary>The number of messages sent on one day (<c>getNumberOfSent*Messages</c>).</summary>
/// <param name="Status"><c>ready</c>, <c>unready</c>, <c>unavailable_for_privacy</c> or <c>out_of_service</c>.</param>
/// <param name="Success">The count, when <paramref name="Status"/> is <c>ready</c>.</param>
public sealed record NumberOfMessagesResponse(string Status, long? Success = null);

/// <summary>A user's profile (<c>getProfile</c>).</summary>
/// <param name="UserId">The user id.</param>
/// <param name="DisplayName">The display name.</param>
public sealed record UserProfileResponse(string UserId, string DisplayName)
{
    /// <summary>The profile image's https URL, when the user has one.</summary>
    public string? PictureUrl { get; init; }

    /// <summary>The status message, when set.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>The user's language (BCP 47), when the user has consented to share it.</summary>
    public string? Language { get; init; }
}

/// <summary>One page of follower ids (<c>getFollowers</c>).</summary>
/// <param name="UserIds">Up to 1,000 user ids.</param>
/// <param name="Next">The continuation token for the next page; null on the last page.</param>
public sealed record GetFollowersResponse(IReadOnlyList<string> UserIds, string? Next = null);

/// <summary>The bot's own account (<c>getBotInfo</c>).</summary>
/// <param name="UserId">The bot's user id.</param>
/// <param name="BasicId">The basic id, for example <c>@123abcde</c>.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="ChatMode"><c>chat</c> or <c>bot</c>.</param>
/// <param name="MarkAsReadMode"><c>auto</c> or <c>manual</c>.</param>
public sealed record BotInfoResponse(string UserId, string BasicId, string DisplayName, string ChatMode, string MarkAsReadMode)
{
    /// <summary>The premium id, when set.</summary>
    public string? PremiumId { get; init; }

    /// <summary>The profile image's https URL, when set.</summary>
    public string? PictureUrl { get; init; }
}
