using System.Text;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>Every message content type of webhook.yml, read from hand-written fixtures.</summary>
public sealed class WebhookParserContentTests
{
    private static T Content<T>(string contentJson) where T : MessageContent
    {
        var callback = WebhookParser.Parse(Encoding.UTF8.GetBytes(WebhookFixtures.Body(WebhookFixtures.Message(contentJson))));
        var message = Assert.IsType<MessageEvent>(Assert.Single(callback.Events));
        return Assert.IsType<T>(message.Message);
    }

    [Fact]
    public void Text_with_emojis_mentions_quote_token_and_quoted_message()
    {
        var text = Content<TextMessageContent>(WebhookFixtures.TextContent);

        Assert.Equal("444573844083572737", text.Id);
        Assert.Equal("@All @example Good Morning!! (love)", text.Text);
        Assert.Equal("q3Plxr4AgKd...", text.QuoteToken);
        Assert.Equal("468789577898262530", text.QuotedMessageId);
        Assert.Equal("30yhdy232...", text.MarkAsReadToken);
        var emoji = Assert.Single(text.Emojis);
        Assert.Equal((29, 6, "5ac1bfd5040ab15980c9b435", "001"), (emoji.Index, emoji.Length, emoji.ProductId, emoji.EmojiId));
        Assert.Equal(2, text.Mentionees.Count);
        var all = Assert.IsType<AllMentionee>(text.Mentionees[0]);
        Assert.Equal((0, 4), (all.Index, all.Length));
        var user = Assert.IsType<UserMentionee>(text.Mentionees[1]);
        Assert.Equal((5, 8, "U49585cd0d5c1234567890abcdef01234", false), (user.Index, user.Length, user.UserId, user.IsSelf));
    }

    [Fact]
    public void Image_from_LINE_in_an_image_set()
    {
        var image = Content<ImageMessageContent>(WebhookFixtures.ImageContent);

        Assert.Equal("354718705033693859", image.Id);
        Assert.Equal("line", image.ContentProvider.Type);
        Assert.Null(image.ContentProvider.OriginalContentUrl);
        Assert.Equal("q3Plxr4AgKd...", image.QuoteToken);
        var set = Assert.IsType<ImageSet>(image.ImageSet);
        Assert.Equal(("E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855", 1, 2), (set.Id, set.Index, set.Total));
    }

    [Fact]
    public void Image_from_an_external_provider()
    {
        var image = Content<ImageMessageContent>(WebhookFixtures.ExternalImageContent);

        Assert.Equal("external", image.ContentProvider.Type);
        Assert.Equal(new Uri("https://example.com/original.jpg"), image.ContentProvider.OriginalContentUrl);
        Assert.Equal(new Uri("https://example.com/preview.jpg"), image.ContentProvider.PreviewImageUrl);
        Assert.Null(image.ImageSet);
    }

    [Fact]
    public void Video_and_audio_with_durations()
    {
        var video = Content<VideoMessageContent>(WebhookFixtures.VideoContent);
        Assert.Equal(TimeSpan.FromMinutes(1), video.Duration);
        Assert.Equal(new Uri("https://example.com/original.mp4"), video.ContentProvider.OriginalContentUrl);
        Assert.Equal("q3Plxr4AgKd...", video.QuoteToken);

        var audio = Content<AudioMessageContent>(WebhookFixtures.AudioContent);
        Assert.Equal(TimeSpan.FromMinutes(1), audio.Duration);
        Assert.Equal("325709", audio.Id);
        Assert.Equal("line", audio.ContentProvider.Type);
    }

    [Fact]
    public void File_and_location()
    {
        var file = Content<FileMessageContent>(WebhookFixtures.FileContent);
        Assert.Equal(("file.txt", 2138L), (file.FileName, file.FileSize));

        var location = Content<LocationMessageContent>(WebhookFixtures.LocationContent);
        Assert.Equal("my location", location.Title);
        Assert.Equal("1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan", location.Address);
        Assert.Equal(35.67966, location.Latitude);
        Assert.Equal(139.73669, location.Longitude);
    }

    [Fact]
    public void Sticker_with_resource_type_keywords_and_text()
    {
        var sticker = Content<StickerMessageContent>(WebhookFixtures.StickerContent);

        Assert.Equal(("11537", "52002738", "ANIMATION"), (sticker.PackageId, sticker.StickerId, sticker.StickerResourceType));
        Assert.Equal(["cony", "sally", "Staring", "hi", "whatever"], sticker.Keywords);
        Assert.Equal("Let's hang out this weekend!", sticker.Text);
        Assert.Equal("q3Plxr4AgKd...", sticker.QuoteToken);
        Assert.Equal("468789577898262531", sticker.QuotedMessageId);
    }

    [Fact]
    public void An_unknown_content_type_keeps_its_id_and_JSON()
    {
        var unknown = Content<UnknownMessageContent>(WebhookFixtures.UnknownContent);

        Assert.Equal("hologram", unknown.Type);
        Assert.Equal("325712", unknown.Id);
        Assert.Equal(3, unknown.Raw.GetProperty("depth").GetInt32());
        Assert.Equal(1, unknown.Raw.GetProperty("layers")[0].GetProperty("z").GetInt32());
    }

    [Fact]
    public void Non_ASCII_text_and_escapes_are_decoded()
    {
        var text = Content<TextMessageContent>("""{"type":"text","id":"1","text":"こんにちは \u2764 \"quoted\" \\ 😀"}""");

        Assert.Equal("こんにちは ❤ \"quoted\" \\ 😀", text.Text);
    }
}
