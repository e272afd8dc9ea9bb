using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Messaging.AspNetCore.Inbox;

namespace LineCrm.Messaging.AspNetCore.Tests.Inbox;

public sealed class WebhookEventSlicesTests
{
    [Fact]
    public void Each_event_is_cut_out_byte_for_byte_whatever_comes_around_it()
    {
        const string first = """{"type":"follow","webhookEventId":"A","nested":{"events":[1,2]}}""";
        const string second = "{ \"type\" : \"message\", \"text\":\"]}\\\"\" }";
        var body = $$"""{"before":{"events":["x"]},"destination":"U1","events":[ {{first}} ,{{second}}],"after":[]}""";

        var slices = WebhookEventSlices.Of(Encoding.UTF8.GetBytes(body));

        Assert.Equal([first, second], slices.Select(s => Encoding.UTF8.GetString(s.Span)));
    }

    [Fact]
    public void A_body_without_events_has_no_slices()
    {
        Assert.Empty(WebhookEventSlices.Of("""{"destination":"U1","events":[]}"""u8.ToArray()));
        Assert.Empty(WebhookEventSlices.Of("""{"destination":"U1"}"""u8.ToArray()));
    }

    [Property(MaxTest = 200)]
    public Property Slices_are_the_elements_a_JSON_document_sees()
    {
        var events = Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements("a", "é", "\\\"", "]", "}", "😀", " "), n)
            .Select(parts => $$"""{"type":"t","text":"{{string.Concat(parts)}}","list":[{{parts.Length}}]}"""))
            .ListOf();
        return Prop.ForAll(events.ToArbitrary(), list =>
        {
            var body = Encoding.UTF8.GetBytes($$"""{"destination":"U1","events":[{{string.Join(",", list)}}]}""");
            using var document = JsonDocument.Parse(body);
            var expected = document.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetRawText()).ToList();
            var actual = WebhookEventSlices.Of(body).Select(s => Encoding.UTF8.GetString(s.Span)).ToList();
            return expected.SequenceEqual(actual);
        });
    }
}
