using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Webhooks;
using LineCrm.Samples.WebhookBot;
using LineCrm.Samples.WebhookBot.Bot;
using LineCrm.Samples.WebhookBot.Linking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.AspNetCore.Tests;

/// <summary>
/// The WebhookBot sample end to end: real Kestrel for the bot and its site, the fake LINE server for the Messaging
/// API, signed webhook requests as LINE sends them, and a browser's steps through the account-link pages.
/// </summary>
public sealed class WebhookBotSampleTests : IAsyncLifetime
{
    private const string Secret = "bot_channel_secret";
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";
    private readonly Channel<WebhookEvent> _handled = Channel.CreateUnbounded<WebhookEvent>();
    private FakeLineServer _line = null!;
    private WebApplication _bot = null!;
    private HttpClient _http = null!;
    private int _eventCounter;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _line = await FakeLineServer.StartAsync(cancellationToken: ct);
        _bot = WebhookBotApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LineWebhook:Channels:0:Secret"] = Secret,
                ["LineMessaging:ChannelAccessToken"] = _line.AccessToken,
                ["LineMessaging:ApiBaseAddress"] = _line.ApiBaseAddress.ToString(),
                ["Site:PublicBaseUrl"] = "https://shop.example.com/",
            });
            // Runs after the sample's own handlers (all-events handlers come last), so the test knows an event is done.
            builder.Services.AddLineWebhook().On<WebhookEvent>((e, _, token) => _handled.Writer.WriteAsync(e, token).AsTask());
        });
        await _bot.StartAsync(ct);
        var address = _bot.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _bot.StopAsync(CancellationToken.None);
        await _bot.DisposeAsync();
        await _line.DisposeAsync();
    }

    [Fact]
    public async Task A_new_friend_is_greeted_through_the_reply_token()
    {
        await DeliverAsync("follow", """ "replyToken":"reply-follow","follow":{"isUnblocked":false} """);

        var reply = SingleReply("reply-follow");
        Assert.Equal(GreetNewFriendsHandler.Greeting, reply["messages"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Text_is_echoed()
    {
        await DeliverAsync("message", """ "replyToken":"reply-echo","message":{"type":"text","id":"1","text":"Is the red jacket in stock?"} """);

        Assert.Equal("Is the red jacket in stock?", SingleReply("reply-echo")["messages"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Account_linking_end_to_end_yields_an_identity_link_between_the_LINE_user_and_the_member()
    {
        var ct = TestContext.Current.CancellationToken;

        // 1. The user asks to link; the bot issues a link token and replies with the site's link carrying it.
        await DeliverAsync("message", """ "replyToken":"reply-link","message":{"type":"text","id":"2","text":"link"} """);
        Assert.Single(_line.RequestsOf("issueLinkToken"), r => r.PathAndQuery.Contains(UserId, StringComparison.Ordinal));
        var replyText = SingleReply("reply-link")["messages"]![0]!["text"]!.GetValue<string>();
        var siteLink = new Uri(replyText[replyText.IndexOf("https://", StringComparison.Ordinal)..]);
        Assert.Equal("shop.example.com", siteLink.Host);
        var linkToken = Uri.UnescapeDataString(siteLink.Query["?linkToken=".Length..]);
        Assert.StartsWith("link-" + UserId, linkToken, StringComparison.Ordinal); // the token the fake LINE issued

        // 2. The browser opens the site's page, the member signs in, the site sends it to LINE's dialog with a nonce.
        using var page = await _http.GetAsync(new Uri(siteLink.PathAndQuery, UriKind.Relative), ct);
        Assert.Contains(linkToken, await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["linkToken"] = linkToken, ["memberId"] = "M-1001" });
        using var submitted = await _http.PostAsync(new Uri("/link", UriKind.Relative), form, ct);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var dialog = submitted.Headers.Location!;
        Assert.Equal("https://access.line.me/dialog/bot/accountLink", dialog.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(dialog.Query);
        Assert.Equal(linkToken, query["linkToken"]);
        var nonce = query["nonce"]!;
        Assert.True(nonce.Length >= 16);

        // 3. LINE sends accountLink with the nonce: the bot links the LINE user to member M-1001 and says so.
        await DeliverAsync("accountLink", $$""" "replyToken":"reply-linked","link":{"result":"ok","nonce":"{{nonce}}"} """);

        var link = Assert.Single(_bot.Services.GetRequiredService<IdentityLinkLog>().Links);
        Assert.Equal(Identifier.LineUser(UserId), link.From);
        Assert.Equal(Identifier.WebMember("M-1001"), link.To);
        Assert.Equal(LinkSource.AccountLink, link.Source);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1462629479859), link.At);
        Assert.Contains("M-1001", SingleReply("reply-linked")["messages"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // 4. The nonce works once: a replayed event links nothing more.
        await DeliverAsync("accountLink", $$""" "replyToken":"reply-replayed","link":{"result":"ok","nonce":"{{nonce}}"} """);
        Assert.Single(_bot.Services.GetRequiredService<IdentityLinkLog>().Links);
        Assert.Empty(Replies("reply-replayed"));
    }

    [Fact]
    public async Task A_nonce_the_site_never_made_links_nothing()
    {
        await DeliverAsync("accountLink", """ "replyToken":"reply-forged","link":{"result":"ok","nonce":"made-up-nonce"} """);

        Assert.Empty(_bot.Services.GetRequiredService<IdentityLinkLog>().Links);
        Assert.Empty(Replies("reply-forged"));
    }

    /// <summary>POSTs one signed event to /callback and waits until the bot's handlers are done with it.</summary>
    private async Task DeliverAsync(string type, string fields)
    {
        var ct = TestContext.Current.CancellationToken;
        var id = $"01HZBOT{Interlocked.Increment(ref _eventCounter):D19}";
        var body = Encoding.UTF8.GetBytes($$"""
            {"destination":"U0123456789abcdef0123456789abcdef","events":[{"type":"{{type}}",{{fields}},
             "webhookEventId":"{{id}}","deliveryContext":{"isRedelivery":false},"timestamp":1462629479859,
             "source":{"type":"user","userId":"{{UserId}}"},"mode":"active"}]}
            """);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/callback") { Content = new ByteArrayContent(body) };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(Secret, body));

        using var response = await _http.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var handled = await _handled.Reader.ReadAsync(ct);
        Assert.Equal(id, handled.WebhookEventId);
    }

    private List<JsonNode> Replies(string replyToken) =>
        [.. _line.RequestsOf("replyMessage")
            .Select(r => JsonNode.Parse(r.Body)!)
            .Where(b => b["replyToken"]!.GetValue<string>() == replyToken)];

    private JsonNode SingleReply(string replyToken) => Assert.Single(Replies(replyToken));
}
