using System.Globalization;
using LineCrm.Messaging.Memberships;
using LineCrm.Messaging.Messages.Validation;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>The membership plans a user subscribes to, with the user's member number and next billing day.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">400 for a malformed user id; 404 when LINE has nothing for the user.</exception>
    [LineOperation("getMembershipSubscription")]
    public virtual Task<LineResponse<MembershipSubscriptionList>> GetMembershipSubscriptionAsync(
        string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return GetAsync(MembershipOperations.Subscription, $"v2/bot/membership/subscription/{Escape(userId)}",
            LinePlatformJsonContext.Default.MembershipSubscriptionList, cancellationToken);
    }

    /// <summary>The account's membership plans.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when the account has no membership plans.</exception>
    [LineOperation("getMembershipList")]
    public virtual Task<LineResponse<MembershipPlanList>> GetMembershipListAsync(CancellationToken cancellationToken = default) =>
        GetAsync(MembershipOperations.List, "v2/bot/membership/list", LinePlatformJsonContext.Default.MembershipPlanList, cancellationToken);

    /// <summary>One page of the ids of users who joined a plan. To read them all, use <see cref="GetAllJoinedMembershipUserIdsAsync"/>.</summary>
    /// <param name="membershipId">The plan id.</param>
    /// <param name="start">The continuation token from the previous page; null for the first page.</param>
    /// <param name="limit">1 to 1,000 ids per page; LINE's default (300) when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="limit"/> is out of range; nothing was sent.</exception>
    /// <exception cref="LineApiException">404 when the plan is not the account's.</exception>
    [LineOperation("getJoinedMembershipUsers")]
    public virtual Task<LineResponse<MembershipUserIdsPage>> GetJoinedMembershipUsersAsync(
        long membershipId, string? start = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        LineLimits.Range(limit, "limit", 1, 1000);
        return GetAsync(MembershipOperations.JoinedUsers,
            $"v2/bot/membership/{membershipId.ToString(CultureInfo.InvariantCulture)}/users/ids"
                + Query(("start", start), ("limit", limit?.ToString(CultureInfo.InvariantCulture))),
            LinePlatformJsonContext.Default.MembershipUserIdsPage, cancellationToken);
    }

    /// <summary>Every id of the users who joined a plan, page after page.</summary>
    /// <param name="membershipId">The plan id.</param>
    /// <param name="pageSize">Ids per request, 1 to 1,000.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentException"><paramref name="pageSize"/> is out of range; thrown at once, before any request.</exception>
    public virtual IAsyncEnumerable<string> GetAllJoinedMembershipUserIdsAsync(
        long membershipId, int pageSize = 1000, CancellationToken cancellationToken = default)
    {
        LineLimits.Range(pageSize, "limit", 1, 1000);
        return PagesAsync(
            (start, ct) => GetJoinedMembershipUsersAsync(membershipId, start, pageSize, ct),
            page => page.UserIds, page => page.Next, cancellationToken);
    }
}
