using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.Messages.Flex;
using LineCrm.Messaging.Messages.Imagemap;
using LineCrm.Messaging.Messages.Templates;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Messages;

/// <summary>Each documented limit broken once: an ArgumentException naming field, limit and value, and no request made.</summary>
public sealed class LimitTests
{
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";
    private static readonly TextMessage Ok = new("ok");
    private static readonly LineAction Tap = new MessageAction("Tap", "tap");

    public static TheoryData<string, Message[], string, string, string> Violations() => new()
    {
        { "no messages", [], "messages", "1 to 5", "has 0" },
        { "six messages", [Ok, Ok, Ok, Ok, Ok, Ok], "messages", "1 to 5", "has 6" },
        { "text too long", [Ok, new TextMessage(new string('a', 5001))], "messages[1].text", "1 to 5000", "is 5001" },
        { "empty text", [new TextMessage("")], "messages[0].text", "1 to 5000", "is 0" },
        { "21 emojis", [new TextMessage("$") { Emojis = [.. Enumerable.Repeat(new TextEmoji(0, "p", "e"), 21)] }], "messages[0].emojis", "at most 20", "has 21" },
        { "14 quick replies", [Ok with { QuickReply = QuickReply.Of(Enumerable.Repeat(Tap, 14)) }], "messages[0].quickReply.items", "1 to 13", "has 14" },
        { "quick reply label too long", [Ok with { QuickReply = QuickReply.Of(new CameraAction(new string('c', 21))) }], "messages[0].quickReply.items[0].action.label", "at most 20", "is 21" },
        { "sender name too long", [Ok with { Sender = new Sender(new string('n', 21)) }], "messages[0].sender.name", "at most 20", "is 21" },
        { "postback data too long", [Ok with { QuickReply = QuickReply.Of(new PostbackAction("p", new string('d', 301))) }], "messages[0].quickReply.items[0].action.data", "at most 300", "is 301" },
        { "template altText too long", [new TemplateMessage(new string('a', 401), new ConfirmTemplate("?", [Tap, Tap]))], "messages[0].altText", "1 to 400", "is 401" },
        { "confirm with three actions", [new TemplateMessage("a", new ConfirmTemplate("?", [Tap, Tap, Tap]))], "messages[0].template.actions", "2 to 2", "has 3" },
        { "buttons with five actions", [new TemplateMessage("a", new ButtonsTemplate("?", [Tap, Tap, Tap, Tap, Tap]))], "messages[0].template.actions", "1 to 4", "has 5" },
        { "buttons text with a title over 60", [new TemplateMessage("a", new ButtonsTemplate(new string('t', 61), [Tap]) { Title = "T" })], "messages[0].template.text", "1 to 60", "is 61" },
        { "eleven carousel columns", [new TemplateMessage("a", new CarouselTemplate([.. Enumerable.Repeat(new CarouselColumn("c", [Tap]), 11)]))], "messages[0].template.columns", "1 to 10", "has 11" },
        { "carousel columns with different action counts", [new TemplateMessage("a", new CarouselTemplate([new CarouselColumn("c", [Tap]), new CarouselColumn("c", [Tap, Tap])]))], "messages[0].template.columns[1].actions", "as many items as columns[0].actions (1)", "has 2" },
        { "image carousel label over 12", [new TemplateMessage("a", new ImageCarouselTemplate([new ImageCarouselColumn("https://e.com/i", new MessageAction(new string('l', 13), "x"))]))], "messages[0].template.columns[0].action.label", "at most 12", "is 13" },
        { "flex altText too long", [new FlexMessage(new string('a', 401), new FlexBubble())], "messages[0].altText", "1 to 400", "is 401" },
        { "thirteen flex bubbles", [new FlexMessage("a", new FlexCarousel([.. Enumerable.Repeat(new FlexBubble(), 13)]))], "messages[0].contents.contents", "1 to 12", "has 13" },
        { "flex button label over 40", [new FlexMessage("a", new FlexBubble { Footer = new FlexBox("vertical", [new FlexButton(new UriAction(new string('l', 41), "https://e.com"))]) })], "messages[0].contents.footer.contents[0].action.label", "at most 40", "is 41" },
        { "imagemap altText too long", [new ImagemapMessage("https://e.com/m", new string('a', 401), new ImagemapBaseSize(1040, 1040), [new MessageImagemapAction("x", new ImagemapArea(0, 0, 1, 1))])], "messages[0].altText", "1 to 400", "is 401" },
        { "imagemap with 51 actions", [new ImagemapMessage("https://e.com/m", "a", new ImagemapBaseSize(1040, 1040), [.. Enumerable.Repeat<ImagemapAction>(new MessageImagemapAction("x", new ImagemapArea(0, 0, 1, 1)), 51)])], "messages[0].actions", "1 to 50", "has 51" },
        { "location title too long", [new LocationMessage(new string('t', 101), "a", 0, 0)], "messages[0].title", "1 to 100", "is 101" },
        { "latitude out of range", [new LocationMessage("t", "a", 91, 0)], "messages[0].latitude", "between -90 and 90", "is 91" },
        { "image URL too long", [new ImageMessage("https://e.com/" + new string('i', 2000), "https://e.com/p")], "messages[0].originalContentUrl", "1 to 2000", "is 2014" },
        { "coupon delivery tag too long", [new CouponMessage("c") { DeliveryTag = new string('t', 31) }], "messages[0].deliveryTag", "at most 30", "is 31" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_broken_limit_is_refused_before_any_request(string name, Message[] messages, string field, string limit, string found)
    {
        await using var line = await FakeLineHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.PushMessageAsync(UserId, messages, TestContext.Current.CancellationToken));

        Assert.Equal(field, error.ParamName);
        Assert.Contains(limit, error.Message, StringComparison.Ordinal);
        Assert.Contains(found, error.Message, StringComparison.Ordinal);
        Assert.Empty(line.Server.Requests);
        Assert.NotEmpty(name);
    }

    [Fact]
    public async Task Multicast_recipients_are_limited_to_500()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var to = Enumerable.Range(0, 501).Select(i => $"U{i:x32}").ToArray();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.MulticastAsync(new MulticastRequest(to, [Ok]), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("to", error.ParamName);
        Assert.Contains("1 to 500", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 501", error.Message, StringComparison.Ordinal);
        Assert.Empty(line.Server.Requests);
    }

    [Fact]
    public async Task Every_message_kind_at_its_limits_is_accepted_by_the_servers_schema_check()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        foreach (var chunk in GoldenJsonTests.Samples.Select(sample => sample.Message).Chunk(5))
        {
            await line.Client.PushMessageAsync(UserId, chunk, ct);
        }

        await line.Client.PushMessageAsync(UserId, [new TextMessage(new string('a', 5000)), Ok with { QuickReply = QuickReply.Of(Enumerable.Repeat(Tap, 13)) }], ct);
        Assert.All(line.Server.RequestsOf("pushMessage"), request => Assert.Equal(200, request.Status));
    }
}
