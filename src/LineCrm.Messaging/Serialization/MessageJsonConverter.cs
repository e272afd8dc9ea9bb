using System.Text.Json;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Flex;
using LineCrm.Messaging.Messages.Imagemap;
using LineCrm.Messaging.Messages.Templates;

namespace LineCrm.Messaging.Serialization;

/// <summary>Reads and writes <see cref="Message"/> by its <c>type</c>; unknown types become <see cref="UnknownMessage"/>.</summary>
internal sealed class MessageJsonConverter() : DiscriminatedJsonConverter<Message>(Types)
{
    private static readonly KeyValuePair<string, Type>[] Types =
    [
        new("text", typeof(TextMessage)),
        new("textV2", typeof(TextMessageV2)),
        new("sticker", typeof(StickerMessage)),
        new("image", typeof(ImageMessage)),
        new("video", typeof(VideoMessage)),
        new("audio", typeof(AudioMessage)),
        new("location", typeof(LocationMessage)),
        new("imagemap", typeof(ImagemapMessage)),
        new("template", typeof(TemplateMessage)),
        new("flex", typeof(FlexMessage)),
        new("coupon", typeof(CouponMessage)),
    ];

    protected override Message CreateUnknown(JsonElement json) => new UnknownMessage(json);
}
