using System.Text;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>Bodies that are not webhooks: each is a WebhookFormatException that says what and where.</summary>
public sealed class WebhookParserErrorTests
{
    private static WebhookFormatException Fails(string body) =>
        Assert.Throws<WebhookFormatException>(() => WebhookParser.Parse(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Broken_JSON_reports_line_and_byte_position()
    {
        var error = Fails("{\"destination\":\"U1\",\n\"events\":[ {\"type\": } ]}");

        // Line 1 (0-based) is `"events":[ {"type": } ]}`; the '}' where a value should be is byte 20 of it.
        Assert.Equal(1, error.LineNumber);
        Assert.Equal(20, error.BytePositionInLine);
        Assert.Null(error.Path);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"events\":[]} trailing")]
    [InlineData("\"events\"")]
    public void Not_one_JSON_object_is_rejected(string body)
    {
        var error = Fails(body);

        Assert.NotEmpty(error.Message);
    }

    [Theory]
    [InlineData("""[1,2]""", "$", "an array")]
    [InlineData("""{"destination":7,"events":[]}""", "$.destination", "a number")]
    [InlineData("""{"destination":"U1","events":{}}""", "$.events", "an object")]
    [InlineData("""{"destination":"U1","events":[42]}""", "$.events[0]", "a number")]
    [InlineData("""{"destination":"U1","events":[{"type":"follow","timestamp":"yesterday"}]}""", "$.events[0].timestamp", "a string")]
    [InlineData("""{"destination":"U1","events":[{},{"type":"follow","timestamp":1.5}]}""", "$.events[1].timestamp", "64-bit")]
    [InlineData("""{"destination":"U1","events":[{"type":"follow","timestamp":1,"source":"U1"}]}""", "$.events[0].source", "a string")]
    [InlineData("""{"destination":"U1","events":[{"type":"follow","timestamp":1,"deliveryContext":{"isRedelivery":"yes"}}]}""", "$.events[0].deliveryContext.isRedelivery", "a string")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"message":{"type":"text","id":"1","emojis":[{"index":"x"}]}}]}""", "$.events[0].message.emojis[0].index", "a string")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"message":{"type":"text","id":"1","mention":{"mentionees":[7]}}}]}""", "$.events[0].message.mention.mentionees[0]", "a number")]
    [InlineData("""{"destination":"U1","events":[{"type":"memberJoined","timestamp":1,"joined":{"members":[{"userId":3}]}}]}""", "$.events[0].joined.members[0].userId", "a number")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"message":{"type":"image","id":"1","contentProvider":{"type":"external","originalContentUrl":"not a url"}}}]}""", "$.events[0].message.contentProvider.originalContentUrl", "absolute URL")]
    [InlineData("""{"destination":"U1","events":[{"type":"follow","timestamp":99999999999999999}]}""", "$.events[0].timestamp", "milliseconds")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"message":{"type":"sticker","id":"1","keywords":["a",2]}}]}""", "$.events[0].message.keywords[1]", "a number")]
    public void A_field_of_the_wrong_kind_names_its_path(string body, string path, string found)
    {
        var error = Fails(body);

        Assert.Equal(path, error.Path);
        Assert.Contains(found, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_bad_event_fails_the_whole_body_so_nothing_is_half_dispatched()
    {
        var body = WebhookFixtures.Body(WebhookFixtures.Follow).Replace("]}", ",{\"type\":\"follow\",\"timestamp\":\"x\"}]}", StringComparison.Ordinal);

        var error = Fails(body);

        Assert.Equal("$.events[1].timestamp", error.Path);
    }
}
