using System.Net;
using Microsoft.AspNetCore.Http;

namespace LineCrm.Samples.WebhookBot.Linking;

/// <summary>
/// The member site's two pages for account linking. The bot's message sends the user to
/// <c>/link?linkToken=...</c>; the member signs in (here: types a member id; a real site authenticates); the site
/// makes a nonce for that member and sends the browser to LINE's account-link dialog with the token and the nonce.
/// LINE then sends the accountLink event with the nonce to the webhook.
/// </summary>
public static class LinkSitePages
{
    /// <summary>LINE's account-link dialog.</summary>
    public static readonly Uri LineAccountLinkDialog = new("https://access.line.me/dialog/bot/accountLink");

    /// <summary>Maps GET and POST <c>/link</c>.</summary>
    public static void MapLinkSite(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/link", (string linkToken) => Results.Content(
            $"""
            <!doctype html><title>Link your LINE account</title>
            <form method="post" action="/link">
              <input type="hidden" name="linkToken" value="{WebUtility.HtmlEncode(linkToken)}">
              <label>Member id <input name="memberId" required></label>
              <button>Link</button>
            </form>
            """,
            "text/html; charset=utf-8"));

        endpoints.MapPost("/link", async (HttpRequest request, AccountLinkNonces nonces) =>
        {
            // Read by hand: a real site takes the member from its sign-in session, not from a form field.
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            var linkToken = form["linkToken"].ToString();
            var memberId = form["memberId"].ToString();
            if (linkToken.Length == 0 || memberId.Length == 0)
            {
                return Results.BadRequest("linkToken and memberId are required.");
            }

            var nonce = nonces.Issue(memberId);
            return Results.Redirect(DialogUrl(linkToken, nonce).ToString());
        });
    }

    /// <summary>The URL of LINE's account-link dialog for a link token and a nonce.</summary>
    public static Uri DialogUrl(string linkToken, string nonce) =>
        new($"{LineAccountLinkDialog}?linkToken={Uri.EscapeDataString(linkToken)}&nonce={Uri.EscapeDataString(nonce)}");
}
