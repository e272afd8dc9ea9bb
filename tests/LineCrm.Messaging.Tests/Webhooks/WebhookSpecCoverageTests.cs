using System.Text;
using System.Text.RegularExpressions;
using LineCrm.Messaging.Webhooks;
using LineCrm.Testing;

namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>
/// Reads the discriminator mappings of LINE's webhook.yml and checks that every type it names has a fixture that
/// parses into a known (not Unknown…) record of that type. A type LINE adds to the document shows up here.
/// </summary>
public sealed partial class WebhookSpecCoverageTests
{
    [Fact]
    public void Every_event_type_in_webhook_yml_has_a_fixture_and_a_record()
    {
        var types = DiscriminatorValues("Event");

        Assert.Equal(19, types.Count); // message ... delivery, as webhook.yml lists them
        foreach (var type in types)
        {
            Assert.True(WebhookFixtures.EventBodiesByType.TryGetValue(type, out var body), $"No fixture for event type '{type}'.");
            var parsed = Assert.Single(WebhookParser.Parse(Encoding.UTF8.GetBytes(body)).Events);
            Assert.IsNotType<UnknownEvent>(parsed);
            Assert.Equal(type, parsed.Type);
        }
    }

    [Fact]
    public void Every_message_content_type_in_webhook_yml_has_a_fixture_and_a_record()
    {
        var types = DiscriminatorValues("MessageContent");

        Assert.Equal(7, types.Count);
        foreach (var type in types)
        {
            Assert.True(WebhookFixtures.ContentsByType.TryGetValue(type, out var content), $"No fixture for content type '{type}'.");
            var body = WebhookFixtures.Body(WebhookFixtures.Message(content));
            var message = Assert.IsType<MessageEvent>(Assert.Single(WebhookParser.Parse(Encoding.UTF8.GetBytes(body)).Events));
            Assert.IsNotType<UnknownMessageContent>(message.Message);
            Assert.Equal(type, message.Message.Type);
        }
    }

    [Theory]
    [InlineData("Source", new[] { "user", "group", "room" })]
    [InlineData("Mentionee", new[] { "user", "all" })]
    [InlineData("MembershipContent", new[] { "joined", "left", "renewed" })]
    [InlineData("ModuleContent", new[] { "attached", "detached" })]
    public void The_nested_types_we_read_are_the_ones_webhook_yml_lists(string schema, string[] known)
    {
        Assert.Equal(known.Order(StringComparer.Ordinal), DiscriminatorValues(schema).Order(StringComparer.Ordinal));
    }

    /// <summary>The keys of <c>discriminator.mapping</c> under the schema named <paramref name="schema"/>.</summary>
    private static List<string> DiscriminatorValues(string schema)
    {
        var lines = File.ReadAllLines(SharedData.Require("line-openapi/webhook.yml"));
        var start = Array.FindIndex(lines, l => l == $"    {schema}:");
        Assert.True(start >= 0, $"Schema {schema} not found in webhook.yml.");
        var end = Array.FindIndex(lines, start + 1, l => SchemaHeader().IsMatch(l));
        var section = lines[(start + 1)..(end < 0 ? lines.Length : end)];
        var mapping = Array.FindIndex(section, l => l.Trim() == "mapping:");
        Assert.True(mapping >= 0, $"Schema {schema} has no discriminator mapping.");
        return section[(mapping + 1)..]
            .Select(l => MappingEntry().Match(l))
            .TakeWhile(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
    }

    [GeneratedRegex(@"^    [A-Za-z]+:$")]
    private static partial Regex SchemaHeader();

    [GeneratedRegex("""^\s{10}([A-Za-z]+):\s*"#/components/schemas/""")]
    private static partial Regex MappingEntry();
}
