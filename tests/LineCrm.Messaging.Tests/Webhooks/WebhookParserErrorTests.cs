using System.Text;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>Bodies that are not webhooks (not JSON, or not a webhook's shape): each is a WebhookFormatException that says what and where.</summary>
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
    public void A_body_of_the_wrong_shape_names_its_path(string body, string path, string found)
    {
        var error = Fails(body);

        Assert.Equal(path, error.Path);
        Assert.Contains(found, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
