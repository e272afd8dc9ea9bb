using LineCrm.Messaging.AspNetCore;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineCrm.Samples.WebhookBot.Linking;

/// <summary>
/// Step 1 of account linking: issue a link token for the LINE user and reply with a link to the member site that
/// carries it (<c>/link?linkToken=...</c>).
/// </summary>
public sealed class AccountLinkStarter(IOptions<SiteOptions> site)
{
    /// <summary>Issues the token and replies with the site's link.</summary>
    public async Task StartAsync(IReplyableEvent webhookEvent, string userId, WebhookEventContext context, CancellationToken cancellationToken)
    {
        var client = context.Services.GetRequiredService<LineMessagingClient>();
        var token = await client.IssueLinkTokenAsync(userId, cancellationToken).ConfigureAwait(false);
        var link = SiteLink(token.Value.LinkToken);
        await context.ReplyTextAsync(webhookEvent, $"Sign in to connect your member account: {link}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The member site's linking page for a link token.</summary>
    public Uri SiteLink(string linkToken) => new(site.Value.PublicBaseUrl, $"link?linkToken={Uri.EscapeDataString(linkToken)}");
}
