using System.Net;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Webhooks;
using LineCrm.Stores.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LineCrm.Messaging.AspNetCore.Tests.CustomerEvents;

/// <summary>
/// <c>AddCustomerEvents()</c> end to end: signed bodies to a real Kestrel endpoint in inbox mode, the built-in handler,
/// and the customer events read back from the SQLite store's event log.
/// </summary>
public sealed class CustomerEventsTests : IDisposable
{
    private const string User = "U4af4980629a1b2c3d4e5f60718293a4b";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1462629479859);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("linecrm-customer-events-");

    private string StorePath => Path.Combine(_directory.FullName, "linecrm.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Event(string type, string id, string body, string source = $$"""{"type":"user","userId":"{{User}}"}""") =>
        $$$"""
        {"type":"{{{type}}}","mode":"active","timestamp":1462629479859,"webhookEventId":"{{{id}}}",
         "deliveryContext":{"isRedelivery":false},"source":{{{source}}},"replyToken":"r"{{{body}}}}
        """;

    private Task<WebhookTestServer> StartAsync(Action<LineWebhookBuilder> customerEvents) =>
        WebhookTestServer.StartAsync(
            handlers: h =>
            {
                h.UseInbox(o => o.PollInterval = TimeSpan.FromMilliseconds(50));
                customerEvents(h);
            },
            services: s => s.AddLineCrmSqliteStores(o => o.Path = StorePath));

    private async Task<IReadOnlyList<LoggedCustomerEvent>> LoggedAsync()
    {
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = StorePath });
        return await store.Events.ReadAsync(0, 100, Ct);
    }

    private static async Task WaitForDispatchAsync(WebhookTestServer server, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await server.Dispatched.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
    }

    [Fact]
    public async Task Follow_unfollow_postback_message_delivery_and_account_link_become_logged_customer_events_with_their_ids()
    {
        var nonces = new Dictionary<string, Identifier> { ["nonce-7"] = Identifier.WebMember("member-7") };
        await using var server = await StartAsync(h => h.AddCustomerEvents((link, _) => ValueTask.FromResult<Identifier?>(
            nonces.TryGetValue(link.Nonce, out var member) ? member : null)));
        var body = Payloads.Body(
            Event("follow", "E1", ""","follow":{"isUnblocked":false}"""),
            Event("follow", "E2", ""","follow":{"isUnblocked":true}"""),
            Event("unfollow", "E3", ""),
            Event("postback", "E4", ""","postback":{"data":"action=coupon&id=42"}"""),
            Event("message", "E5", ""","message":{"type":"sticker","id":"1","packageId":"1","stickerId":"2","stickerResourceType":"STATIC"}"""),
            Event("delivery", "E6", ""","delivery":{"data":"hashed-phone-data"}"""),
            Event("accountLink", "E7", ""","link":{"result":"ok","nonce":"nonce-7"}"""),
            Event("accountLink", "E8", ""","link":{"result":"failed","nonce":"nonce-7"}"""),
            Event("accountLink", "E9", ""","link":{"result":"ok","nonce":"unknown-nonce"}"""),
            Event("follow", "E10", ""","follow":{"isUnblocked":false}""", source: """{"type":"group","groupId":"Cgroup"}"""));

        using var response = await server.PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForDispatchAsync(server, 10);
        await server.StopAsync();

        var user = Identifier.LineUser(User);
        var logged = await LoggedAsync();
        Assert.Equal(
            [
                ("line:E1", Json(new Interaction(user, At, InteractionKind.FriendAdded))),
                ("line:E2", Json(new Interaction(user, At, InteractionKind.Unblocked))),
                ("line:E3", Json(new Interaction(user, At, InteractionKind.Blocked))),
                ("line:E4", Json(new Interaction(user, At, InteractionKind.Clicked) { Target = "action=coupon&id=42" })),
                ("line:E5", Json(new Interaction(user, At, InteractionKind.Messaged) { Target = "sticker" })),
                ("line:E6", Json(new Interaction(user, At, InteractionKind.MessageDelivered) { Target = "hashed-phone-data" })),
                ("line:E7", Json(new IdentityLink(user, Identifier.WebMember("member-7"), At, LinkSource.AccountLink))),
            ],
            logged.Select(e => (e.Envelope.Id.Value, Json(e.Envelope.Event))).OrderBy(e => e.Value, StringComparer.Ordinal)); // workers run concurrently
    }

    [Fact]
    public async Task A_redelivered_event_and_a_second_start_append_nothing_twice()
    {
        var body = Payloads.Follow("01HZ00000000000000000C0001");
        await using (var first = await StartAsync(h => h.AddCustomerEvents()))
        {
            using var response = await first.PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await WaitForDispatchAsync(first, 1);
            await first.StopAsync();
        }

        await using (var second = await StartAsync(h => h.AddCustomerEvents()))
        {
            using var redelivered = await second.PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
            using var next = await second.PostAsync(Payloads.Follow("01HZ00000000000000000C0002"));
            await WaitForDispatchAsync(second, 1);
            await second.StopAsync();
        }

        Assert.Equal(["line:01HZ00000000000000000C0001", "line:01HZ00000000000000000C0002"], (await LoggedAsync()).Select(e => e.Envelope.Id.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_resolver_registered_in_DI_is_used_and_without_any_a_successful_link_is_logged_as_a_warning_and_skipped()
    {
        var link = Payloads.Body(Event("accountLink", "L1", ""","link":{"result":"ok","nonce":"n1"}"""));
        await using (var without = await StartAsync(h => h.AddCustomerEvents()))
        {
            using var response = await without.PostAsync(link);
            await WaitForDispatchAsync(without, 1);
            await without.StopAsync();
            Assert.Contains(without.Logs.GetSnapshot(), r => r.Message.Contains("no AccountLinkMemberResolver", StringComparison.Ordinal) && r.Message.Contains("L1", StringComparison.Ordinal));
        }

        Assert.Empty(await LoggedAsync());

        await using (var with = await StartAsync(h =>
        {
            h.Services.AddScoped<AccountLinkMemberResolver>(_ => (_, _) => ValueTask.FromResult<Identifier?>(Identifier.StoreCard("card-1")));
            h.AddCustomerEvents();
        }))
        {
            using var response = await with.PostAsync(Payloads.Body(Event("accountLink", "L2", ""","link":{"result":"ok","nonce":"n2"}""")));
            await WaitForDispatchAsync(with, 1);
            await with.StopAsync();
        }

        var logged = Assert.Single(await LoggedAsync());
        Assert.Equal(Identifier.StoreCard("card-1"), ((IdentityLink)logged.Envelope.Event).To);
    }

    [Fact]
    public async Task Without_an_event_log_the_host_refuses_to_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookTestServer.StartAsync(handlers: h => h.AddCustomerEvents()));

        Assert.Contains("ICustomerEventLog", error.Message, StringComparison.Ordinal);
    }

    private static string Json(ICustomerEvent e) => CustomerEventJson.Serialize(e);

    public void Dispose() => _directory.Delete(recursive: true);
}
