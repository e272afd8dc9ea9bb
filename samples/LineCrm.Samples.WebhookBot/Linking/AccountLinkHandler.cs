using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.AspNetCore;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.Logging;

namespace LineCrm.Samples.WebhookBot.Linking;

/// <summary>
/// The last step of account linking: LINE's accountLink event brings back the nonce; the site's record of it names
/// the member, and the event names the LINE user. Together they are an <see cref="IdentityLink"/>.
/// </summary>
public sealed partial class AccountLinkHandler(AccountLinkNonces nonces, IdentityLinkLog links, ILogger<AccountLinkHandler> logger)
    : IWebhookHandler<AccountLinkEvent>
{
    /// <inheritdoc />
    public async Task HandleAsync(AccountLinkEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
    {
        if (!webhookEvent.Succeeded)
        {
            // A failed link still used the nonce up; the user can send "link" again.
            nonces.Redeem(webhookEvent.Nonce);
            LinkFailed(logger, webhookEvent.WebhookEventId);
            return;
        }

        var memberId = nonces.Redeem(webhookEvent.Nonce);
        if (memberId is null || webhookEvent.Source?.UserId is not { } userId)
        {
            UnknownNonce(logger, webhookEvent.WebhookEventId);
            return;
        }

        var link = new IdentityLink(Identifier.LineUser(userId), Identifier.WebMember(memberId), webhookEvent.Timestamp, LinkSource.AccountLink);
        links.Add(link);
        await context.ReplyTextAsync(webhookEvent, $"Your LINE account is now linked to member {memberId}.", cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Warning, "Account link failed (event {WebhookEventId})")]
    private static partial void LinkFailed(ILogger logger, string webhookEventId);

    [LoggerMessage(2, LogLevel.Warning, "Account link event {WebhookEventId} carries a nonce the site does not know, has used, or let expire")]
    private static partial void UnknownNonce(ILogger logger, string webhookEventId);
}
