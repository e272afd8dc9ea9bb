using System.Text.Json;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Client;

/// <summary>Each operation against the fake: the right method, path, host and body, and a typed answer.</summary>
public sealed class OperationTests
{
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";
    private static readonly TextMessage Hello = new("hello");

    [Fact]
    public async Task Multicast_narrowcast_and_broadcast_carry_retry_keys_and_spec_bodies()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        await line.Client.MulticastAsync(new MulticastRequest([UserId, "U00000000000000000000000000000001"], [Hello]) { NotificationDisabled = true }, cancellationToken: ct);
        var narrowcast = await line.Client.NarrowcastAsync(new NarrowcastRequest([Hello])
        {
            Recipient = NarrowcastRecipient.AllOf(NarrowcastRecipient.Audience(4389303728991), NarrowcastRecipient.Except(NarrowcastRecipient.Redelivery("abc"))),
            Limit = new NarrowcastLimit(100) { UpToRemainingQuota = true },
        }, cancellationToken: ct);
        await line.Client.BroadcastAsync(new BroadcastRequest([Hello]), cancellationToken: ct);
        var progress = await line.Client.GetNarrowcastProgressAsync(narrowcast.RequestId!, ct);

        Assert.Equal(202, narrowcast.Status);
        Assert.Equal("succeeded", progress.Value.Phase);
        Assert.NotNull(progress.Value.CompletedTime);
        foreach (var operation in new[] { "multicast", "narrowcast", "broadcast" })
        {
            Assert.True(Guid.TryParse(Assert.Single(line.Server.RequestsOf(operation)).RetryKey, out _), operation);
        }

        using var body = JsonDocument.Parse(line.Server.RequestsOf("narrowcast")[0].Body);
        Assert.Equal(
            """{"type":"operator","and":[{"type":"audience","audienceGroupId":4389303728991},{"type":"operator","not":{"type":"redelivery","requestId":"abc"}}]}""",
            body.RootElement.GetProperty("recipient").GetRawText());
        Assert.Equal("""{"max":100,"upToRemainingQuota":true}""", body.RootElement.GetProperty("limit").GetRawText());
        Assert.Null(Assert.Single(line.Server.RequestsOf("getNarrowcastProgress")).RetryKey);
    }

    [Fact]
    public async Task Validate_operations_post_the_messages_to_their_own_paths()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        await line.Client.ValidateReplyAsync([Hello], ct);
        await line.Client.ValidatePushAsync([Hello], ct);
        await line.Client.ValidateMulticastAsync([Hello], ct);
        await line.Client.ValidateNarrowcastAsync([Hello], ct);
        await line.Client.ValidateBroadcastAsync([Hello], ct);

        Assert.Equal(
            ["/v2/bot/message/validate/reply", "/v2/bot/message/validate/push", "/v2/bot/message/validate/multicast",
             "/v2/bot/message/validate/narrowcast", "/v2/bot/message/validate/broadcast"],
            line.Server.Requests.Select(r => r.PathAndQuery));
        Assert.All(line.Server.Requests, r => Assert.Equal("""{"messages":[{"type":"text","text":"hello"}]}""", r.Body));
        Assert.Empty(line.Server.Deliveries);
    }

    [Fact]
    public async Task Quota_and_statistics_read_typed_answers_and_send_the_day_as_yyyyMMdd()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await line.Client.PushMessageAsync(UserId, [Hello], ct);

        var quota = await line.Client.GetMessageQuotaAsync(ct);
        var consumption = await line.Client.GetMessageQuotaConsumptionAsync(ct);
        var day = new DateOnly(2026, 11, 3);
        var push = await line.Client.GetNumberOfSentPushMessagesAsync(day, ct);
        await line.Client.GetNumberOfSentReplyMessagesAsync(day, ct);
        await line.Client.GetNumberOfSentMulticastMessagesAsync(day, ct);
        await line.Client.GetNumberOfSentBroadcastMessagesAsync(day, ct);

        Assert.Equal(("limited", 10_000L), (quota.Value.Type, quota.Value.Value));
        Assert.Equal(1, consumption.Value.TotalUsage);
        Assert.Equal(("ready", 1L), (push.Value.Status, push.Value.Success));
        Assert.Equal("/v2/bot/message/delivery/push?date=20261103", line.Server.RequestsOf("getNumberOfSentPushMessages")[0].PathAndQuery);
        Assert.Single(line.Server.RequestsOf("getNumberOfSentBroadcastMessages"));
    }

    [Fact]
    public async Task Profile_followers_bot_info_loading_and_read_marks()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var users = Enumerable.Range(0, 25).Select(i => $"U{i:x32}").ToArray();
        foreach (var user in users)
        {
            line.Server.Users[user] = "Name " + user[^4..];
        }

        var profile = await line.Client.GetProfileAsync(users[3], ct);
        var missing = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetProfileAsync(UserId, ct));
        var all = new List<string>();
        await foreach (var id in line.Client.GetAllFollowerIdsAsync(pageSize: 10, ct))
        {
            all.Add(id);
        }

        var bot = await line.Client.GetBotInfoAsync(ct);
        var loading = await line.Client.ShowLoadingAnimationAsync(new ShowLoadingAnimationRequest(UserId, 10), ct);
        await line.Client.MarkMessagesAsReadAsync(UserId, ct);
        await line.Client.MarkMessagesAsReadByTokenAsync("read-token", ct);

        Assert.Equal("Name " + users[3][^4..], profile.Value.DisplayName);
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal(users.Order(StringComparer.Ordinal), all);
        Assert.Equal(3, line.Server.RequestsOf("getFollowers").Count);
        Assert.Equal("/v2/bot/followers/ids?start=10&limit=10", line.Server.RequestsOf("getFollowers")[1].PathAndQuery);
        Assert.Equal("@linecrm", bot.Value.BasicId);
        Assert.Equal(202, loading.Status);
        Assert.Equal("{\"chat\":{\"userId\":\"" + UserId + "\"}}", line.Server.RequestsOf("markMessagesAsRead")[0].Body);
        Assert.Equal("""{"markAsReadToken":"read-token"}""", line.Server.RequestsOf("markMessagesAsReadByToken")[0].Body);
    }

    [Fact]
    public async Task Loading_seconds_out_of_range_or_not_a_multiple_of_five_are_refused_before_sending()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.ShowLoadingAnimationAsync(new(UserId, 65), ct));
        var odd = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.ShowLoadingAnimationAsync(new(UserId, 7), ct));

        Assert.Equal("loadingSeconds", tooLong.ParamName);
        Assert.Contains("65", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("multiple of 5", odd.Message, StringComparison.Ordinal);
        Assert.Empty(line.Server.Requests);
    }
}
