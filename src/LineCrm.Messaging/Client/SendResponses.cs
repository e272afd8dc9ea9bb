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
