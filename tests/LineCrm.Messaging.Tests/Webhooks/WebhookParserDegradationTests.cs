using System.Diagnostics.Metrics;
using System.Text;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>
/// One odd value inside an event costs only that field: the event is kept with the field read as absent and listed
/// in <see cref="WebhookEvent.DegradedFields"/> (path and raw JSON), and every other event reads as it would alone.
/// </summary>
public sealed class WebhookParserDegradationTests
{
    private static WebhookCallback Parse(string body) => WebhookParser.Parse(Encoding.UTF8.GetBytes(body));

    private static string Batch(params string[] events) =>
        $$"""{"destination":"{{WebhookFixtures.Destination}}","events":[{{string.Join(",", events)}}]}""";

    private static string Dump(string eventJson) => EventDump.Of(Assert.Single(Parse(WebhookFixtures.Body(eventJson)).Events));

    [Theory]
    [InlineData("""{"destination":"U1","events":[42]}""", 0, "$.events[0]", "42", "a number")]
    [InlineData("""{"destination":"U1","events":[{"type":"follow","timestamp":"yesterday"}]}""", 0, "$.events[0].timestamp", "\"yesterday\"", "a string")]
    [InlineData("""{"destination":"U1","events":[{},{"type":"follow","timestamp":1.5}]}""", 1, "$.events[1].timestamp", "1.5", "64-bit")]
    [InlineData("""{"destination":"U1","events":[{"type":"follow","timestamp":1,"source":"U1"}]}""", 0, "$.events[0].source", "\"U1\"", "a string")]
    [InlineData("""{"destination":"U1","events":[{"type":"follow","timestamp":1,"deliveryContext":{"isRedelivery":"yes"}}]}""", 0, "$.events[0].deliveryContext.isRedelivery", "\"yes\"", "a string")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"message":{"type":"text","id":"1","emojis":[{"index":"x"}]}}]}""", 0, "$.events[0].message.emojis[0].index", "\"x\"", "a string")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"message":{"type":"text","id":"1","mention":{"mentionees":[7]}}}]}""", 0, "$.events[0].message.mention.mentionees", "[7]", "a number")]
    [InlineData("""{"destination":"U1","events":[{"type":"memberJoined","timestamp":1,"joined":{"members":[{"userId":3}]}}]}""", 0, "$.events[0].joined.members[0].userId", "3", "a number")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"message":{"type":"image","id":"1","contentProvider":{"type":"external","originalContentUrl":"not a url"}}}]}""", 0, "$.events[0].message.contentProvider.originalContentUrl", "\"not a url\"", "absolute URL")]
    [InlineData("""{"destination":"U1","events":[{"type":"follow","timestamp":99999999999999999}]}""", 0, "$.events[0].timestamp", "99999999999999999", "milliseconds")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"message":{"type":"sticker","id":"1","keywords":["a",2]}}]}""", 0, "$.events[0].message.keywords", "[\"a\",2]", "a number")]
    public void A_value_that_cannot_be_read_degrades_its_field_with_path_and_raw_text(string body, int index, string path, string raw, string reason)
    {
        var callback = Parse(body);

        var degraded = Assert.Single(callback.Events[index].DegradedFields);
        Assert.True(callback.Events[index].IsDegraded);
        Assert.Equal(path, degraded.Path);
        Assert.Equal(raw, degraded.RawJson);
        Assert.Contains(reason, degraded.Reason, StringComparison.Ordinal);
        Assert.All(callback.Events.Where((_, i) => i != index), e => Assert.False(e.IsDegraded));
    }

    [Fact]
    public void A_keywords_object_as_in_older_SDK_fixtures_costs_only_the_keywords()
    {
        // Older official SDK fixtures sent sticker keywords as an object; LINE documents an array of strings.
        const string sticker = """
            {"type":"sticker","id":"1501597916","stickerId":"52002738","packageId":"11537","stickerResourceType":"ANIMATION",
             "keywords":{"0":"cony","1":"sally"},"text":"Let's hang out"}
            """;
        var body = Batch(WebhookFixtures.Follow, WebhookFixtures.Message(sticker), WebhookFixtures.Postback);

        var events = Parse(body).Events;

        Assert.Equal(3, events.Count);
        var message = Assert.IsType<MessageEvent>(events[1]);
        var content = Assert.IsType<StickerMessageContent>(message.Message);
        Assert.Empty(content.Keywords);
        Assert.Equal("52002738", content.StickerId);
        Assert.Equal("11537", content.PackageId);
        Assert.Equal("Let's hang out", content.Text);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", message.ReplyToken);
        var degraded = Assert.Single(message.DegradedFields);
        Assert.Equal("$.events[1].message.keywords", degraded.Path);
        Assert.Equal("""{"0":"cony","1":"sally"}""", degraded.RawJson);
        Assert.Equal(Dump(WebhookFixtures.Follow), EventDump.Of(events[0]));
        Assert.Equal(Dump(WebhookFixtures.Postback), EventDump.Of(events[2]));
    }

    [Fact]
    public void A_lone_surrogate_escape_costs_only_the_text_it_is_in()
    {
        const string text = """{"type":"text","id":"444573844083572739","text":"broken \ud83d here","quoteToken":"q-lone"}""";
        var body = Batch(WebhookFixtures.Message(text), WebhookFixtures.Unfollow);

        var events = Parse(body).Events;

        var message = Assert.IsType<MessageEvent>(events[0]);
        var content = Assert.IsType<TextMessageContent>(message.Message);
        Assert.Equal(string.Empty, content.Text);
        Assert.Equal("444573844083572739", content.Id);
        Assert.Equal("q-lone", content.QuoteToken);
        var degraded = Assert.Single(message.DegradedFields);
        Assert.Equal("$.events[0].message.text", degraded.Path);
        Assert.Equal("\"broken \\ud83d here\"", degraded.RawJson);
        Assert.Equal(Dump(WebhookFixtures.Unfollow), EventDump.Of(events[1]));
    }

    [Fact]
    public void A_lone_surrogate_in_a_field_nobody_reads_survives_the_repair_of_another_field()
    {
        var odd = WebhookFixtures.Event("follow", """ "follow":{"isUnblocked":"yes"},"futureField":"\udc00" """);

        var follow = Assert.IsType<FollowEvent>(Assert.Single(Parse(WebhookFixtures.Body(odd)).Events));

        Assert.False(follow.IsUnblocked);
        Assert.Equal("$.events[0].follow.isUnblocked", Assert.Single(follow.DegradedFields).Path);
        Assert.Equal(WebhookFixtures.UserId, follow.Source?.UserId);
    }

    [Fact]
    public void A_lone_surrogate_in_a_postback_parameter_name_costs_only_the_parameters()
    {
        var postback = WebhookFixtures.Event("postback", """ "postback":{"data":"a=1","params":{"\udc00":"x"}} """);

        var parsed = Assert.IsType<PostbackEvent>(Assert.Single(Parse(WebhookFixtures.Body(postback)).Events));

        Assert.Equal("a=1", parsed.Data);
        Assert.Empty(parsed.Params);
        Assert.Equal("$.events[0].postback.params", Assert.Single(parsed.DegradedFields).Path);
    }

    [Theory]
    [InlineData("postback", """ "replyToken":"r","postback":{"data":17} """, "postback.data")]
    [InlineData("accountLink", """ "replyToken":"r","link":{"result":["ok"],"nonce":"n-1"} """, "link.result")]
    [InlineData("beacon", """ "replyToken":"r","beacon":{"hwid":{"id":1},"type":"enter"} """, "beacon.hwid")]
    [InlineData("membership", """ "replyToken":"r","membership":{"type":"joined","membershipId":"3189"} """, "membership.membershipId")]
    [InlineData("follow", """ "replyToken":"r","follow":{"isUnblocked":1} """, "follow.isUnblocked")]
    [InlineData("unsend", """ "unsend":{"messageId":325708} """, "unsend.messageId")]
    [InlineData("delivery", """ "delivery":{"data":false} """, "delivery.data")]
    [InlineData("message", """ "replyToken":"r","message":{"type":"location","id":"9","latitude":"north","longitude":139.7} """, "message.latitude")]
    [InlineData("message", """ "replyToken":"r","message":{"type":"file","id":"9","fileName":"a.txt","fileSize":{"bytes":2}} """, "message.fileSize")]
    public void A_wrong_kind_field_in_an_event_type_keeps_the_event_and_its_neighbours(string type, string rest, string path)
    {
        var odd = WebhookFixtures.Event(type, rest, id: "01ODD0000000000000000000000");
        var body = Batch(WebhookFixtures.Unfollow, odd, WebhookFixtures.Follow);

        var events = Parse(body).Events;

        Assert.Equal(3, events.Count);
        Assert.Equal(type, events[1].Type);
        Assert.IsNotType<UnknownEvent>(events[1]);
        Assert.Equal("01ODD0000000000000000000000", events[1].WebhookEventId);
        Assert.Equal(WebhookFixtures.UserId, events[1].Source?.UserId);
        Assert.Equal("$.events[1]." + path, Assert.Single(events[1].DegradedFields).Path);
        Assert.Equal(Dump(WebhookFixtures.Unfollow), EventDump.Of(events[0]));
        Assert.Equal(Dump(WebhookFixtures.Follow), EventDump.Of(events[2]));
    }

    [Fact]
    public void Two_odd_fields_in_one_event_are_both_degraded_and_the_rest_read()
    {
        var odd = WebhookFixtures.Event("beacon", """ "replyToken":"r-b","beacon":{"hwid":1,"type":"enter","dm":[2]} """);

        var beacon = Assert.IsType<BeaconEvent>(Assert.Single(Parse(WebhookFixtures.Body(odd)).Events));

        Assert.Equal(["$.events[0].beacon.hwid", "$.events[0].beacon.dm"], beacon.DegradedFields.Select(d => d.Path));
        Assert.Equal(["1", "[2]"], beacon.DegradedFields.Select(d => d.RawJson));
        Assert.Equal(string.Empty, beacon.HardwareId);
        Assert.Null(beacon.DeviceMessage);
        Assert.Equal("enter", beacon.BeaconType);
        Assert.Equal("r-b", beacon.ReplyToken);
    }

    [Fact]
    public void A_wrong_kind_type_makes_an_unknown_event_that_keeps_its_id()
    {
        var odd = WebhookFixtures.Event("follow", string.Empty, id: "01TYPE000000000000000000000").Replace("\"type\":\"follow\"", "\"type\":5", StringComparison.Ordinal);

        var unknown = Assert.IsType<UnknownEvent>(Assert.Single(Parse(WebhookFixtures.Body(odd)).Events));

        Assert.Equal(string.Empty, unknown.Type);
        Assert.Equal("01TYPE000000000000000000000", unknown.WebhookEventId);
        Assert.Equal("$.events[0].type", Assert.Single(unknown.DegradedFields).Path);
    }

    [Fact]
    public void Events_that_are_not_objects_are_kept_as_unknown_events_and_the_rest_survive()
    {
        var body = Batch(WebhookFixtures.Follow, "\"oops\"", "[1,2]", "null", WebhookFixtures.Unfollow);

        var events = Parse(body).Events;

        Assert.Equal(5, events.Count);
        for (var i = 1; i <= 3; i++)
        {
            var unknown = Assert.IsType<UnknownEvent>(events[i]);
            Assert.Equal(string.Empty, unknown.WebhookEventId);
            var degraded = Assert.Single(unknown.DegradedFields);
            Assert.Equal($"$.events[{i}]", degraded.Path);
            Assert.Equal(unknown.Raw.GetRawText(), degraded.RawJson);
        }

        Assert.Equal(["\"oops\"", "[1,2]", "null"], events.Skip(1).Take(3).Select(e => e.DegradedFields[0].RawJson));
        Assert.Equal(Dump(WebhookFixtures.Follow), EventDump.Of(events[0]));
        Assert.Equal(Dump(WebhookFixtures.Unfollow), EventDump.Of(events[4]));
    }

    [Fact]
    public void An_event_with_more_odd_values_than_the_budget_is_kept_whole_with_its_id()
    {
        // Each emoji's index and length are two fields of their own: forty odd values in one event.
        var emojis = string.Join(",", Enumerable.Range(0, 20).Select(i => $$"""{"index":"i{{i}}","length":"l{{i}}"}"""));
        var odd = WebhookFixtures.Message($$"""{"type":"text","id":"1","text":"t","emojis":[{{emojis}}]}""");
        var body = Batch(odd, WebhookFixtures.Unfollow);

        var events = Parse(body).Events;

        Assert.Equal(2, events.Count);
        var unknown = Assert.IsType<UnknownEvent>(events[0]);
        Assert.Equal("message", unknown.Type);
        Assert.Equal("01FZ74A0TDDPYRVKNK77XKC3ZR", unknown.WebhookEventId);
        var degraded = Assert.Single(unknown.DegradedFields);
        Assert.Equal("$.events[0]", degraded.Path);
        Assert.Equal(unknown.Raw.GetRawText(), degraded.RawJson);
        Assert.Equal(Dump(WebhookFixtures.Unfollow), EventDump.Of(events[1]));
    }

    [Fact]
    public void Valid_bodies_are_never_degraded()
    {
        var bodies = WebhookFixtures.EventBodiesByType.Values.Append(WebhookFixtures.MixedBatch())
            .Concat(WebhookFixtures.ContentsByType.Values.Select(c => WebhookFixtures.Body(WebhookFixtures.Message(c))));

        foreach (var body in bodies)
        {
            Assert.All(Parse(body).Events, e => Assert.Empty(e.DegradedFields));
        }
    }

    [Fact]
    public void Each_degraded_field_is_counted_by_event_type()
    {
        // A type no other test uses, so that parallel tests cannot add to the count.
        const string type = "degradationMetricProbe";
        var measured = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "LineCrm.Messaging" && instrument.Name == "linecrm.webhook.degraded_fields")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "event.type" && (string?)tag.Value == type)
                {
                    Interlocked.Add(ref measured, value);
                }
            }
        });
        listener.Start();
        var odd = WebhookFixtures.Event(type, string.Empty).Replace("\"timestamp\":1462629479859", "\"timestamp\":true", StringComparison.Ordinal)
            .Replace("\"mode\":\"active\"", "\"mode\":{}", StringComparison.Ordinal);

        var parsed = Assert.Single(Parse(WebhookFixtures.Body(odd)).Events);

        Assert.Equal(2, parsed.DegradedFields.Count);
        Assert.Equal(2, Interlocked.Read(ref measured));
    }

    [Fact]
    public void The_receiver_logs_each_degraded_field_by_path_and_never_its_value()
    {
        const string secret = "degradation_secret";
        var logger = new ListLogger();
        var receiver = new WebhookReceiver([new ChannelSecret(secret)], logger);
        var odd = WebhookFixtures.Message("""{"type":"text","id":"5","text":"secret-text \ud800"}""");
        var body = Encoding.UTF8.GetBytes(WebhookFixtures.Body(odd));

        var callback = receiver.Receive(body, WebhookSignature.Compute(secret, body));

        Assert.True(Assert.Single(callback.Events).IsDegraded);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("$.events[0].message.text", entry.Message, StringComparison.Ordinal);
        Assert.Contains("01FZ74A0TDDPYRVKNK77XKC3ZR", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-text", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_is_not_json_or_fails_the_signature_is_still_refused_whole()
    {
        const string secret = "degradation_secret";
        var receiver = new WebhookReceiver(secret);
        var broken = Encoding.UTF8.GetBytes("""{"destination":"U1","events":[{"type":"follow",}]}""");
        var odd = Encoding.UTF8.GetBytes(WebhookFixtures.Body(WebhookFixtures.Event("follow", """ "follow":{"isUnblocked":1} """)));

        Assert.Throws<WebhookFormatException>(() => receiver.Receive(broken, WebhookSignature.Compute(secret, broken)));
        Assert.Throws<WebhookSignatureException>(() => receiver.Receive(odd, WebhookSignature.Compute("another_secret", odd)));
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
