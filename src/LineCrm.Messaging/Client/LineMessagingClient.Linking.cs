using LineCrm.Messaging.Http;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>Issues a link token for account linking; valid for 10 minutes, usable once.</summary>
    /// <param name="userId">The LINE user id to link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">LINE refused.</exception>
    [LineOperation("issueLinkToken")]
    public virtual Task<LineResponse<IssueLinkTokenResponse>> IssueLinkTokenAsync(
        string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return SendAsync<object, IssueLinkTokenResponse>(
            LineOperations.IssueLinkToken,
            $"v2/bot/user/{Escape(userId)}/linkToken",
            request: null,
            requestInfo: null,
            LineJsonContext.Default.IssueLinkTokenResponse,
            retryKey: null,
            whenAlreadyAccepted: null,
            cancellationToken);
    }
}
