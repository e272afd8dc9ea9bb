using System.Text.Json;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Pnp;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Pnp;

public sealed class PnpTests
{
    // LINE's documentation hashes +818000001234 to this value (developers.line.biz, LINE notification messages, technical specs).
    private const string DocumentedHash = "d41e0ad70dddfeb68f149ad6fc61574b9c5780ab7bcb2fba5517771ffbb2409c";

    [Fact]
    public void The_hash_matches_lines_documented_example()
    {
        Assert.Equal(DocumentedHash, E164PhoneNumber.Parse("+818000001234").Sha256Hex());
    }

    [Theory]
    [InlineData("818000001234", "must start with '+'")]
    [InlineData("+81-80-0000-1234", "'-' at position 4")]
    [InlineData("+81 8000001234", "' ' at position 4")]
    [InlineData("+0818000001234", "starting with 0")]
    [InlineData("+8180", "8 to 15 digits; it has 4")]
    [InlineData("+8180000012345678", "8 to 15 digits; it has 16")]
    [InlineData("", "is empty")]
    public void A_number_not_in_E164_form_is_refused_saying_what_and_where(string text, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => E164PhoneNumber.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(E164PhoneNumber.TryParse(text, out _));
    }

    [Fact]
    public void The_number_prints_masked()
    {
        Assert.Equal("+81********34", E164PhoneNumber.Parse("+818000001234").ToString());
    }

    [Fact]
    public async Task A_message_goes_to_the_hashed_number_with_the_delivery_tag_and_no_retry_key()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var phone = E164PhoneNumber.Parse("+818000001234");

        var sent = await line.Client.PushMessagesByPhoneAsync(
            phone, [new TextMessage("Your parcel arrives today between 14:00 and 16:00.")], deliveryTag: "order-2026-000123", notificationDisabled: true, ct);

        Assert.Equal(200, sent.Status);
        var delivery = Assert.Single(line.Server.Platform.PnpDeliveries);
        Assert.Equal(DocumentedHash, delivery.To);
        Assert.Equal("order-2026-000123", delivery.DeliveryTag);
        Assert.True(delivery.NotificationDisabled);
        var request = Assert.Single(line.Server.RequestsOf("pushMessagesByPhone"));
        Assert.Null(request.RetryKey);
        Assert.Equal("/bot/pnp/push", request.PathAndQuery);
        Assert.DoesNotContain("8000001234", request.Body, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("text", body.RootElement.GetProperty("messages")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Without_a_tag_no_header_is_sent_and_the_statistics_count_the_sends()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        await line.Client.PushMessagesByPhoneAsync(E164PhoneNumber.Parse("+66812345678"), [new TextMessage("a")], cancellationToken: ct);
        await line.Client.PushMessagesByPhoneAsync(E164PhoneNumber.Parse("+886912345678"), [new TextMessage("b")], cancellationToken: ct);
        var statistics = (await line.Client.GetPnpMessageStatisticsAsync(new DateOnly(2026, 11, 23), ct)).Value;

        Assert.All(line.Server.Platform.PnpDeliveries, d => Assert.Null(d.DeliveryTag));
        Assert.All(line.Server.Platform.PnpDeliveries, d => Assert.False(d.NotificationDisabled));
        Assert.Equal("ready", statistics.Status);
        Assert.Equal(2, statistics.Success);
        Assert.Equal("/v2/bot/message/delivery/pnp?date=20261123", Assert.Single(line.Server.RequestsOf("getPNPMessageStatistics")).PathAndQuery);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_sending()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var phone = E164PhoneNumber.Parse("+818000001234");

        var shortTag = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.PushMessagesByPhoneAsync(phone, [new TextMessage("x")], deliveryTag: "too-short", cancellationToken: ct));
        var longTag = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.PushMessagesByPhoneAsync(phone, [new TextMessage("x")], deliveryTag: new string('t', 101), cancellationToken: ct));
        await Assert.ThrowsAsync<ArgumentException>(() => line.Client.PushMessagesByPhoneAsync(phone, [], cancellationToken: ct));
        var unset = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.PushMessagesByPhoneAsync(default, [new TextMessage("x")], cancellationToken: ct));

        Assert.Equal("X-Line-Delivery-Tag", shortTag.ParamName);
        Assert.Contains("16 to 100", shortTag.Message, StringComparison.Ordinal);
        Assert.Contains("101", longTag.Message, StringComparison.Ordinal);
        Assert.Equal("phoneNumber", unset.ParamName);
        Assert.Empty(line.Server.Requests);
    }

    [Fact]
    public async Task A_number_line_cannot_message_is_422_and_a_lost_answer_is_not_retried()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var phone = E164PhoneNumber.Parse("+818000001234");
        line.Server.Platform.UnreachablePhoneHashes[DocumentedHash] = true;

        var refused = await Assert.ThrowsAsync<LineApiException>(() => line.Client.PushMessagesByPhoneAsync(phone, [new TextMessage("x")], cancellationToken: ct));
        line.Server.Platform.UnreachablePhoneHashes.Clear();
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.ServerErrorAfterProcessing, "pushMessagesByPhone"));
        var lost = await Assert.ThrowsAsync<LineApiException>(() => line.Client.PushMessagesByPhoneAsync(phone, [new TextMessage("y")], cancellationToken: ct));

        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Equal("to", Assert.Single(refused.Details).Property);
        Assert.Equal(500, (int)lost.StatusCode);
        Assert.Single(line.Server.Platform.PnpDeliveries); // delivered once; a retry could have sent it twice
        Assert.Equal(2, line.Server.RequestsOf("pushMessagesByPhone").Count);
    }
}
