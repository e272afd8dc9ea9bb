using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>Reads the <c>message</c> object of message and messageEdited events, by its <c>type</c>.</summary>
internal static class MessageContentReader
{
    private static readonly JsonScope Scope = new("message");

    // A century: far beyond any real media, far inside TimeSpan's range.
    private const long MaxDurationMilliseconds = 100L * 365 * 24 * 60 * 60 * 1000;

    public static MessageContent Read(JsonElement eventObject)
    {
        if (!JsonFields.Object(eventObject, "message"u8, JsonScope.Event, out var obj))
        {
            return new UnknownMessageContent(string.Empty, default);
        }

        var type = JsonFields.RequiredString(obj, "type"u8, Scope);
        MessageContent content = type switch
        {
            "text" => ReadText(obj),
            "image" => new ImageMessageContent
            {
                ContentProvider = ReadContentProvider(obj),
                ImageSet = ReadImageSet(obj),
                QuoteToken = JsonFields.String(obj, "quoteToken"u8, Scope),
            },
            "video" => new VideoMessageContent
            {
                Duration = Duration(obj),
                ContentProvider = ReadContentProvider(obj),
                QuoteToken = JsonFields.String(obj, "quoteToken"u8, Scope),
            },
            "audio" => new AudioMessageContent { Duration = Duration(obj), ContentProvider = ReadContentProvider(obj) },
            "file" => new FileMessageContent
            {
                FileName = JsonFields.RequiredString(obj, "fileName"u8, Scope),
                FileSize = JsonFields.Int64(obj, "fileSize"u8, Scope) ?? 0,
            },
            "location" => new LocationMessageContent
            {
                Title = JsonFields.String(obj, "title"u8, Scope),
                Address = JsonFields.String(obj, "address"u8, Scope),
                Latitude = JsonFields.Double(obj, "latitude"u8, Scope) ?? 0,
                Longitude = JsonFields.Double(obj, "longitude"u8, Scope) ?? 0,
            },
            "sticker" => new StickerMessageContent
            {
                PackageId = JsonFields.RequiredString(obj, "packageId"u8, Scope),
                StickerId = JsonFields.RequiredString(obj, "stickerId"u8, Scope),
                StickerResourceType = JsonFields.RequiredString(obj, "stickerResourceType"u8, Scope),
                Keywords = JsonFields.Strings(obj, "keywords"u8, Scope),
                Text = JsonFields.String(obj, "text"u8, Scope),
                QuoteToken = JsonFields.String(obj, "quoteToken"u8, Scope),
                QuotedMessageId = JsonFields.String(obj, "quotedMessageId"u8, Scope),
            },
            _ => new UnknownMessageContent(type, obj.Clone()),
        };

        // Fields every content type has; set here once instead of in each initialiser above.
        content.SetCommon(JsonFields.RequiredString(obj, "id"u8, Scope), JsonFields.String(obj, "markAsReadToken"u8, Scope));
        return content;
    }

    private static TextMessageContent ReadText(JsonElement obj) => new()
    {
        Text = JsonFields.RequiredString(obj, "text"u8, Scope),
        Emojis = ReadEmojis(obj),
        Mentionees = ReadMentionees(obj),
        QuoteToken = JsonFields.String(obj, "quoteToken"u8, Scope),
        QuotedMessageId = JsonFields.String(obj, "quotedMessageId"u8, Scope),
    };

    private static MessageEmoji[] ReadEmojis(JsonElement obj)
    {
        if (!JsonFields.Array(obj, "emojis"u8, Scope, out var array))
        {
            return [];
        }

        var result = new MessageEmoji[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var scope = new JsonScope("message.emojis", i);
            var emoji = JsonFields.ItemObject(item, scope);
            result[i++] = new MessageEmoji
            {
                Index = JsonFields.Int32(emoji, "index"u8, scope) ?? 0,
                Length = JsonFields.Int32(emoji, "length"u8, scope) ?? 0,
                ProductId = JsonFields.RequiredString(emoji, "productId"u8, scope),
                EmojiId = JsonFields.RequiredString(emoji, "emojiId"u8, scope),
            };
        }

        return result;
    }

    private static Mentionee[] ReadMentionees(JsonElement obj)
    {
        if (!JsonFields.Object(obj, "mention"u8, Scope, out var mention)
            || !JsonFields.Array(mention, "mentionees"u8, new JsonScope("message.mention"), out var array))
        {
            return [];
        }

        var result = new Mentionee[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var scope = new JsonScope("message.mention.mentionees", i);
            var mentionee = JsonFields.ItemObject(item, scope);
            var type = JsonFields.RequiredString(mentionee, "type"u8, scope);
            Mentionee read = type switch
            {
                "user" => new UserMentionee
                {
                    UserId = JsonFields.String(mentionee, "userId"u8, scope),
                    IsSelf = JsonFields.Boolean(mentionee, "isSelf"u8, scope) ?? false,
                },
                "all" => new AllMentionee(),
                _ => new UnknownMentionee(type, mentionee.Clone()),
            };
            read.SetPosition(JsonFields.Int32(mentionee, "index"u8, scope) ?? 0, JsonFields.Int32(mentionee, "length"u8, scope) ?? 0);
            result[i++] = read;
        }

        return result;
    }

    private static ContentProvider ReadContentProvider(JsonElement obj)
    {
        var scope = new JsonScope("message.contentProvider");
        if (!JsonFields.Object(obj, "contentProvider"u8, Scope, out var provider))
        {
            return ContentProvider.Line;
        }

        var type = JsonFields.String(provider, "type"u8, scope) ?? "line";
        var original = JsonFields.AbsoluteUri(provider, "originalContentUrl"u8, scope);
        var preview = JsonFields.AbsoluteUri(provider, "previewImageUrl"u8, scope);
        return type == "line" && original is null && preview is null
            ? ContentProvider.Line
            : new ContentProvider { Type = type, OriginalContentUrl = original, PreviewImageUrl = preview };
    }

    private static ImageSet? ReadImageSet(JsonElement obj)
    {
        var scope = new JsonScope("message.imageSet");
        return JsonFields.Object(obj, "imageSet"u8, Scope, out var set)
            ? new ImageSet
            {
                Id = JsonFields.RequiredString(set, "id"u8, scope),
                Index = JsonFields.Int32(set, "index"u8, scope),
                Total = JsonFields.Int32(set, "total"u8, scope),
            }
            : null;
    }

    private static TimeSpan? Duration(JsonElement obj)
    {
        var milliseconds = JsonFields.Int64(obj, "duration"u8, Scope);
        return milliseconds switch
        {
            null => null,
            < 0 or > MaxDurationMilliseconds =>
                throw new WebhookShapeException($"{milliseconds} is not a duration in milliseconds.", "message.duration"),
            _ => TimeSpan.FromMilliseconds(milliseconds.Value),
        };
    }
}
