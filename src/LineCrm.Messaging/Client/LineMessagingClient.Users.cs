using System.Globalization;
using System.Text;
using LineCrm.Messaging.Http;
using LineCrm.Messaging.Messages.Validation;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>A friend's profile.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when the user is not a friend (or blocked the account).</exception>
    [LineOperation("getProfile")]
    public virtual Task<LineResponse<UserProfileResponse>> GetProfileAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return Get(LineOperations.GetProfile, $"v2/bot/profile/{Escape(userId)}", LineJsonContext.Default.UserProfileResponse, cancellationToken);
    }

    /// <summary>One page of the ids of users who added the account as a friend (verified and premium accounts only).</summary>
    /// <param name="start">The continuation token from the previous page; null for the first page.</param>
    /// <param name="limit">1 to 1,000 ids per page; LINE's default (300) when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getFollowers")]
    public virtual Task<LineResponse<GetFollowersResponse>> GetFollowersAsync(
        string? start = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        LineLimits.Range(limit, "limit", 1, 1000);
        var path = new StringBuilder("v2/bot/followers/ids");
        var separator = '?';
        if (start is not null)
        {
            path.Append(separator).Append("start=").Append(Escape(start));
            separator = '&';
        }

        if (limit is { } l)
        {
            path.Append(separator).Append("limit=").Append(l.ToString(CultureInfo.InvariantCulture));
        }

        return Get(LineOperations.GetFollowers, path.ToString(), LineJsonContext.Default.GetFollowersResponse, cancellationToken);
    }

    /// <summary>Every follower id, page after page until LINE sends no <c>next</c> token.</summary>
    /// <param name="pageSize">Ids per request, 1 to 1,000.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentException"><paramref name="pageSize"/> is out of range; thrown at once, before any request.</exception>
    public virtual IAsyncEnumerable<string> GetAllFollowerIdsAsync(int pageSize = 1000, CancellationToken cancellationToken = default)
    {
        LineLimits.Range(pageSize, "limit", 1, 1000);
        return PagesAsync(
            (start, ct) => GetFollowersAsync(start, pageSize, ct), page => page.UserIds, page => page.Next, cancellationToken);
    }

    /// <summary>The bot's own account.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getBotInfo")]
    public virtual Task<LineResponse<BotInfoResponse>> GetBotInfoAsync(CancellationToken cancellationToken = default) =>
        Get(LineOperations.GetBotInfo, "v2/bot/info", LineJsonContext.Default.BotInfoResponse, cancellationToken);

    /// <summary>Shows the loading animation in a one-on-one chat until the next message or the time runs out.</summary>
    /// <param name="request">The chat and the seconds (5 to 60, a multiple of 5).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><c>loadingSeconds</c> is out of range or not a multiple of 5.</exception>
    [LineOperation("showLoadingAnimation")]
    public virtual Task<LineResponse> ShowLoadingAnimationAsync(ShowLoadingAnimationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.ChatId, "chatId");
        LineLimits.Range(request.LoadingSeconds, "loadingSeconds", 5, 60);
        if (request.LoadingSeconds % 5 != 0)
        {
            throw LineLimits.Violation("loadingSeconds", "must be a multiple of 5", $"is {request.LoadingSeconds}");
        }

        return SendAsync(LineOperations.ShowLoadingAnimation, "v2/bot/chat/loading/start", request,
            LineJsonContext.Default.ShowLoadingAnimationRequest, retryKey: null, cancellationToken);
    }

    /// <summary>Marks a user's messages as read (LINE's partner API, for corporate users).</summary>
    /// <param name="userId">The user whose chat to mark.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("markMessagesAsRead")]
    public virtual Task<LineResponse> MarkMessagesAsReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return SendAsync(LineOperations.MarkMessagesAsRead, "v2/bot/message/markAsRead",
            new MarkMessagesAsReadRequest(new ChatReference(userId)), LineJsonContext.Default.MarkMessagesAsReadRequest,
            retryKey: null, cancellationToken);
    }

    /// <summary>Marks messages as read with the <c>markAsReadToken</c> of a message webhook event.</summary>
    /// <param name="markAsReadToken">The token from the webhook.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("markMessagesAsReadByToken")]
    public virtual Task<LineResponse> MarkMessagesAsReadByTokenAsync(string markAsReadToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(markAsReadToken);
        return SendAsync(LineOperations.MarkMessagesAsReadByToken, "v2/bot/chat/markAsRead",
            new MarkMessagesAsReadByTokenRequest(markAsReadToken), LineJsonContext.Default.MarkMessagesAsReadByTokenRequest,
            retryKey: null, cancellationToken);
    }
}
