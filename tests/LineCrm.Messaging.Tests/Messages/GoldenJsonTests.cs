using System.Text.Json;
using System.Text.Json.Nodes;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.Messages.Flex;
using LineCrm.Messaging.Messages.Imagemap;
using LineCrm.Messaging.Messages.Templates;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Tests.Messages;

/// <summary>
/// Every message and action type against JSON written by hand from LINE's reference (not produced by this code):
/// serializing gives exactly that JSON, and reading it gives back the same type and the same JSON.
/// </summary>
public sealed class GoldenJsonTests
{
    private static readonly LineAction Postback = new PostbackAction("Buy", "action=buy&itemid=111")
    {
        DisplayText = "Buy",
        InputOption = "openKeyboard",
        FillInText = "---\nName: \nPhone: \n---",
    };

    internal static readonly (string Name, Message Message, string Json)[] Samples =
    [
        (
            "text with emojis, quote token, quick reply and sender",
            new TextMessage("$ LINE emoji $")
            {
                Emojis = [new TextEmoji(0, "5ac1bfd5040ab15980c9b435", "001"), new TextEmoji(13, "5ac1bfd5040ab15980c9b435", "002")],
                QuoteToken = "q3Plxr4AgKd...",
                QuickReply = QuickReply.Of(new MessageAction("Sushi", "Sushi"), new CameraAction("Camera")),
                Sender = new Sender("Cony", "https://line.me/conyprof"),
            },
            """
            {"type":"text","text":"$ LINE emoji $",
             "emojis":[{"index":0,"productId":"5ac1bfd5040ab15980c9b435","emojiId":"001"},{"index":13,"productId":"5ac1bfd5040ab15980c9b435","emojiId":"002"}],
             "quoteToken":"q3Plxr4AgKd...",
             "quickReply":{"items":[{"type":"action","action":{"type":"message","label":"Sushi","text":"Sushi"}},{"type":"action","action":{"type":"camera","label":"Camera"}}]},
             "sender":{"name":"Cony","iconUrl":"https://line.me/conyprof"}}
            """
        ),
        (
            "textV2 with a user mention, an all mention and an emoji",
            new TextMessageV2("Welcome, {user1}! {everyone}, {laugh}")
            {
                Substitution = new Dictionary<string, Substitution>
                {
                    ["user1"] = MentionSubstitution.User("U49585cd0d5aaf6a8e6d4b2a0c1a1a1a1"),
                    ["everyone"] = MentionSubstitution.All(),
                    ["laugh"] = new EmojiSubstitution("5a8555cfe6256cc92ea23c2a", "002"),
                },
            },
            """
            {"type":"textV2","text":"Welcome, {user1}! {everyone}, {laugh}","substitution":{
              "user1":{"type":"mention","mentionee":{"type":"user","userId":"U49585cd0d5aaf6a8e6d4b2a0c1a1a1a1"}},
              "everyone":{"type":"mention","mentionee":{"type":"all"}},
              "laugh":{"type":"emoji","productId":"5a8555cfe6256cc92ea23c2a","emojiId":"002"}}}
            """
        ),
        ("sticker", new StickerMessage("446", "1988") { QuoteToken = "q1" }, """{"type":"sticker","packageId":"446","stickerId":"1988","quoteToken":"q1"}"""),
        ("image", new ImageMessage("https://example.com/original.jpg", "https://example.com/preview.jpg"), """{"type":"image","originalContentUrl":"https://example.com/original.jpg","previewImageUrl":"https://example.com/preview.jpg"}"""),
        ("video", new VideoMessage("https://example.com/v.mp4", "https://example.com/p.jpg") { TrackingId = "track-1" }, """{"type":"video","originalContentUrl":"https://example.com/v.mp4","previewImageUrl":"https://example.com/p.jpg","trackingId":"track-1"}"""),
        ("audio", new AudioMessage("https://example.com/a.m4a", 60000), """{"type":"audio","originalContentUrl":"https://example.com/a.m4a","duration":60000}"""),
        ("location", new LocationMessage("my location", "1-3 Kioicho, Chiyoda-ku, Tokyo", 35.67966, 139.73669), """{"type":"location","title":"my location","address":"1-3 Kioicho, Chiyoda-ku, Tokyo","latitude":35.67966,"longitude":139.73669}"""),
        ("coupon", new CouponMessage("01JYNW8JMQVFBNWF0APF8Z3FS9") { DeliveryTag = "winter" }, """{"type":"coupon","couponId":"01JYNW8JMQVFBNWF0APF8Z3FS9","deliveryTag":"winter"}"""),
        (
            "imagemap with every action, a video and an external link",
            new ImagemapMessage("https://example.com/bot/images/rm001", "This is an imagemap", new ImagemapBaseSize(1040, 1040),
            [
                new UriImagemapAction("https://example.com/", new ImagemapArea(0, 586, 520, 454)) { Label = "https://example.com/" },
                new MessageImagemapAction("Hello", new ImagemapArea(520, 586, 520, 454)) { Label = "hello" },
                new ClipboardImagemapAction("3B48740B", new ImagemapArea(0, 0, 520, 100)),
            ])
            {
                Video = new ImagemapVideo("https://example.com/video.mp4", "https://example.com/video_preview.jpg", new ImagemapArea(0, 0, 1040, 585))
                {
                    ExternalLink = new ImagemapExternalLink("https://example.com/see_more.html", "See More"),
                },
            },
            """
            {"type":"imagemap","baseUrl":"https://example.com/bot/images/rm001","altText":"This is an imagemap","baseSize":{"width":1040,"height":1040},
             "actions":[
               {"type":"uri","linkUri":"https://example.com/","area":{"x":0,"y":586,"width":520,"height":454},"label":"https://example.com/"},
               {"type":"message","text":"Hello","area":{"x":520,"y":586,"width":520,"height":454},"label":"hello"},
               {"type":"clipboard","clipboardText":"3B48740B","area":{"x":0,"y":0,"width":520,"height":100}}],
             "video":{"originalContentUrl":"https://example.com/video.mp4","previewImageUrl":"https://example.com/video_preview.jpg",
                      "area":{"x":0,"y":0,"width":1040,"height":585},"externalLink":{"linkUri":"https://example.com/see_more.html","label":"See More"}}}
            """
        ),
        (
            "buttons template",
            new TemplateMessage("This is a buttons template", new ButtonsTemplate("Please select", [Postback, new UriAction("View detail", "http://example.com/page/123") { AltUri = new AltUri("http://example.com/pc/page/123") }])
            {
                ThumbnailImageUrl = "https://example.com/bot/images/image.jpg",
                ImageAspectRatio = "rectangle",
                ImageSize = "cover",
                ImageBackgroundColor = "#FFFFFF",
                Title = "Menu",
                DefaultAction = new UriAction("View detail", "http://example.com/page/123"),
            }),
            """
            {"type":"template","altText":"This is a buttons template","template":{"type":"buttons","text":"Please select",
             "actions":[{"type":"postback","label":"Buy","data":"action=buy&itemid=111","displayText":"Buy","inputOption":"openKeyboard","fillInText":"---\nName: \nPhone: \n---"},
                        {"type":"uri","label":"View detail","uri":"http://example.com/page/123","altUri":{"desktop":"http://example.com/pc/page/123"}}],
             "thumbnailImageUrl":"https://example.com/bot/images/image.jpg","imageAspectRatio":"rectangle","imageSize":"cover","imageBackgroundColor":"#FFFFFF","title":"Menu",
             "defaultAction":{"type":"uri","label":"View detail","uri":"http://example.com/page/123"}}}
            """
        ),
        (
            "confirm template",
            new TemplateMessage("this is a confirm template", new ConfirmTemplate("Are you sure?", [new MessageAction("Yes", "yes"), new MessageAction("No", "no")])),
            """{"type":"template","altText":"this is a confirm template","template":{"type":"confirm","text":"Are you sure?","actions":[{"type":"message","label":"Yes","text":"yes"},{"type":"message","label":"No","text":"no"}]}}"""
        ),
        (
            "carousel template",
            new TemplateMessage("this is a carousel template", new CarouselTemplate(
            [
                new CarouselColumn("description1", [new PostbackAction("Buy", "action=buy&itemid=111")]) { ThumbnailImageUrl = "https://example.com/item1.jpg", ImageBackgroundColor = "#FFFFFF", Title = "this is menu", DefaultAction = new UriAction("View detail", "http://example.com/page/123") },
                new CarouselColumn("description2", [new DatetimePickerAction("Select date", "storeId=12345", "datetime") { Initial = "2017-12-25t00:00", Max = "2018-01-24t23:59", Min = "2017-12-25t00:00" }]),
            ])
            { ImageAspectRatio = "square", ImageSize = "contain" }),
            """
            {"type":"template","altText":"this is a carousel template","template":{"type":"carousel","columns":[
              {"text":"description1","actions":[{"type":"postback","label":"Buy","data":"action=buy&itemid=111"}],"thumbnailImageUrl":"https://example.com/item1.jpg","imageBackgroundColor":"#FFFFFF","title":"this is menu","defaultAction":{"type":"uri","label":"View detail","uri":"http://example.com/page/123"}},
              {"text":"description2","actions":[{"type":"datetimepicker","label":"Select date","data":"storeId=12345","mode":"datetime","initial":"2017-12-25t00:00","max":"2018-01-24t23:59","min":"2017-12-25t00:00"}]}],
             "imageAspectRatio":"square","imageSize":"contain"}}
            """
        ),
        (
            "image carousel template with every remaining action",
            new TemplateMessage("this is an image carousel template", new ImageCarouselTemplate(
            [
                new ImageCarouselColumn("https://example.com/item1.jpg", new RichMenuSwitchAction("Switch", "richmenu-alias-b", "richmenu-changed-to-b")),
                new ImageCarouselColumn("https://example.com/item2.jpg", new ClipboardAction("Copy", "3B48740B")),
            ])),
            """
            {"type":"template","altText":"this is an image carousel template","template":{"type":"image_carousel","columns":[
              {"imageUrl":"https://example.com/item1.jpg","action":{"type":"richmenuswitch","label":"Switch","richMenuAliasId":"richmenu-alias-b","data":"richmenu-changed-to-b"}},
              {"imageUrl":"https://example.com/item2.jpg","action":{"type":"clipboard","label":"Copy","clipboardText":"3B48740B"}}]}}
            """
        ),
        (
            "flex bubble with every component, styles and a gradient",
            new FlexMessage("Receipt", new FlexBubble
            {
                Size = "mega",
                Direction = "ltr",
                Header = new FlexBox("horizontal", [new FlexIcon("https://example.com/icon.png") { Size = "sm", AspectRatio = "1:1" }, new FlexText("Brown Cafe") { Weight = "bold", Size = "xl", Color = "#111111" }])
                {
                    Background = new FlexLinearGradient("90deg", "#ff0000", "#0000ff") { CenterColor = "#00ff00", CenterPosition = "30%" },
                    PaddingAll = "12px",
                },
                Hero = new FlexVideo("https://example.com/video.mp4", "https://example.com/preview.png", new FlexImage("https://example.com/alt.png") { Size = "full", AspectRatio = "20:13", AspectMode = "cover" })
                {
                    AspectRatio = "20:13",
                    Action = new UriAction("More", "https://example.com"),
                },
                Body = new FlexBox("vertical",
                [
                    new FlexText(null) { Contents = [new FlexSpan("Hello, ") { Weight = "bold" }, new FlexSpan("world") { Color = "#ff0000", Decoration = "underline" }], Wrap = true, MaxLines = 2 },
                    new FlexSeparator { Margin = "md", Color = "#cccccc" },
                    new FlexBox("baseline", [new FlexFiller { Flex = 1 }, new FlexText("Total") { Flex = 0, Align = "end" }]) { Spacing = "sm", Margin = "lg", CornerRadius = "md", BorderWidth = "light", BorderColor = "#eeeeee" },
                    new FlexImage("https://example.com/animated.png") { Animated = true, Position = "absolute", OffsetTop = "0px", OffsetStart = "0px" },
                ]),
                Footer = new FlexBox("vertical", [new FlexButton(new UriAction("Call", "tel:0312345678")) { Style = "primary", Height = "sm", AdjustMode = "shrink-to-fit", Scaling = true }]),
                Styles = new FlexBubbleStyles { Footer = new FlexBlockStyle(Separator: true, SeparatorColor: "#000000") },
                Action = new UriAction("Open", "https://example.com/receipt"),
            }),
            """
            {"type":"flex","altText":"Receipt","contents":{"type":"bubble","size":"mega","direction":"ltr",
              "header":{"type":"box","layout":"horizontal","contents":[
                 {"type":"icon","url":"https://example.com/icon.png","size":"sm","aspectRatio":"1:1"},
                 {"type":"text","text":"Brown Cafe","size":"xl","color":"#111111","weight":"bold"}],
               "paddingAll":"12px","background":{"type":"linearGradient","angle":"90deg","startColor":"#ff0000","endColor":"#0000ff","centerColor":"#00ff00","centerPosition":"30%"}},
              "hero":{"type":"video","url":"https://example.com/video.mp4","previewUrl":"https://example.com/preview.png",
                 "altContent":{"type":"image","url":"https://example.com/alt.png","size":"full","aspectRatio":"20:13","aspectMode":"cover"},
                 "aspectRatio":"20:13","action":{"type":"uri","label":"More","uri":"https://example.com"}},
              "body":{"type":"box","layout":"vertical","contents":[
                 {"type":"text","contents":[{"type":"span","text":"Hello, ","weight":"bold"},{"type":"span","text":"world","color":"#ff0000","decoration":"underline"}],"wrap":true,"maxLines":2},
                 {"type":"separator","margin":"md","color":"#cccccc"},
                 {"type":"box","layout":"baseline","contents":[{"type":"filler","flex":1},{"type":"text","text":"Total","flex":0,"align":"end"}],"spacing":"sm","margin":"lg","borderColor":"#eeeeee","borderWidth":"light","cornerRadius":"md"},
                 {"type":"image","url":"https://example.com/animated.png","position":"absolute","offsetTop":"0px","offsetStart":"0px","animated":true}]},
              "footer":{"type":"box","layout":"vertical","contents":[{"type":"button","action":{"type":"uri","label":"Call","uri":"tel:0312345678"},"style":"primary","height":"sm","adjustMode":"shrink-to-fit","scaling":true}]},
              "styles":{"footer":{"separator":true,"separatorColor":"#000000"}},
              "action":{"type":"uri","label":"Open","uri":"https://example.com/receipt"}}}
            """
        ),
        (
            "flex carousel with a location quick reply",
            new FlexMessage("Two bubbles", new FlexCarousel([new FlexBubble { Body = new FlexBox("vertical", [new FlexText("1")]) }, new FlexBubble { Body = new FlexBox("vertical", [new FlexText("2")]) }]))
            {
                QuickReply = new QuickReply([new QuickReplyItem(new LocationAction("Location"), "https://example.com/pin.png"), new QuickReplyItem(new CameraRollAction("Roll"))]),
            },
            """
            {"type":"flex","altText":"Two bubbles","contents":{"type":"carousel","contents":[
               {"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"1"}]}},
               {"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"2"}]}}]},
             "quickReply":{"items":[{"type":"action","imageUrl":"https://example.com/pin.png","action":{"type":"location","label":"Location"}},{"type":"action","action":{"type":"cameraRoll","label":"Roll"}}]}}
            """
        ),
    ];

    public static TheoryData<string, Message, string> Messages()
    {
        var data = new TheoryData<string, Message, string>();
        foreach (var (name, message, json) in Samples)
        {
            data.Add(name, message, json);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Serializes_to_the_documented_json(string name, Message message, string expected)
    {
        var json = JsonSerializer.Serialize(message, LineJsonContext.Default.Message);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(json)), $"{name}:{Environment.NewLine}{json}");
        Assert.StartsWith("{\"type\":", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Reads_the_documented_json_back_into_the_same_type_and_json(string name, Message message, string expected)
    {
        var read = JsonSerializer.Deserialize(expected, LineJsonContext.Default.Message)!;

        Assert.IsType(message.GetType(), read);
        var again = JsonSerializer.Serialize(read, LineJsonContext.Default.Message);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(again)), $"{name}:{Environment.NewLine}{again}");
    }

    [Fact]
    public void Unknown_types_at_every_level_are_kept_whole_and_written_back_unchanged()
    {
        const string Json = """
            [{"type":"hologram","beam":{"intensity":3},"quickReply":{"items":[{"type":"action","action":{"type":"teleport","to":"moon"}}]}},
             {"type":"flex","altText":"x","contents":{"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"sparkle","n":1}],"background":{"type":"radialGradient","r":"5px"}}}},
             {"type":"template","altText":"x","template":{"type":"wheel","slots":[1,2]}},
             {"type":"flex","altText":"x","contents":{"type":"stack","cards":[]}},
             {"type":"imagemap","baseUrl":"https://e.com/i","altText":"x","baseSize":{"width":1040,"height":1040},"actions":[{"type":"postback","data":"d","area":{"x":0,"y":0,"width":1,"height":1}}]},
             {"type":"textV2","text":"{a}","substitution":{"a":{"type":"sticker","id":"7"},"b":{"type":"mention","mentionee":{"type":"role","role":"admins"}}}}]
            """;

        var messages = JsonSerializer.Deserialize(Json, LineJsonContext.Default.IReadOnlyListMessage)!;
        var written = JsonSerializer.Serialize(messages, LineJsonContext.Default.IReadOnlyListMessage);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Json), JsonNode.Parse(written)), written);
        var unknown = Assert.IsType<UnknownMessage>(messages[0]);
        Assert.Equal("hologram", unknown.Type);
        var bubble = Assert.IsType<FlexBubble>(Assert.IsType<FlexMessage>(messages[1]).Contents);
        Assert.IsType<UnknownFlexComponent>(bubble.Body!.Contents[0]);
        Assert.IsType<UnknownFlexBoxBackground>(bubble.Body.Background);
        Assert.IsType<UnknownTemplate>(Assert.IsType<TemplateMessage>(messages[2]).Template);
        Assert.IsType<UnknownFlexContainer>(Assert.IsType<FlexMessage>(messages[3]).Contents);
        Assert.IsType<UnknownImagemapAction>(Assert.IsType<ImagemapMessage>(messages[4]).Actions[0]);
        var substitution = Assert.IsType<TextMessageV2>(messages[5]).Substitution!;
        Assert.IsType<UnknownSubstitution>(substitution["a"]);
        Assert.IsType<UnknownMentionTarget>(Assert.IsType<MentionSubstitution>(substitution["b"]).Mentionee);
    }
}
