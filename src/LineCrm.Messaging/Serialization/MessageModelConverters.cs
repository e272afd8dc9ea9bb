using System.Text.Json;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Flex;
using LineCrm.Messaging.Messages.Imagemap;
using LineCrm.Messaging.Messages.Templates;

namespace LineCrm.Messaging.Serialization;

/// <summary>Reads and writes <see cref="Substitution"/> by its <c>type</c>.</summary>
internal sealed class SubstitutionJsonConverter() : DiscriminatedJsonConverter<Substitution>(
    [new("mention", typeof(MentionSubstitution)), new("emoji", typeof(EmojiSubstitution))])
{
    protected override Substitution CreateUnknown(JsonElement json) => new UnknownSubstitution(json);
}

/// <summary>Reads and writes <see cref="MentionTarget"/> by its <c>type</c>.</summary>
internal sealed class MentionTargetJsonConverter() : DiscriminatedJsonConverter<MentionTarget>(
    [new("user", typeof(UserMentionTarget)), new("all", typeof(AllMentionTarget))])
{
    protected override MentionTarget CreateUnknown(JsonElement json) => new UnknownMentionTarget(json);
}

/// <summary>Reads and writes <see cref="Template"/> by its <c>type</c>.</summary>
internal sealed class TemplateJsonConverter() : DiscriminatedJsonConverter<Template>(
[
    new("buttons", typeof(ButtonsTemplate)),
    new("confirm", typeof(ConfirmTemplate)),
    new("carousel", typeof(CarouselTemplate)),
    new("image_carousel", typeof(ImageCarouselTemplate)),
])
{
    protected override Template CreateUnknown(JsonElement json) => new UnknownTemplate(json);
}

/// <summary>Reads and writes <see cref="ImagemapAction"/> by its <c>type</c>.</summary>
internal sealed class ImagemapActionJsonConverter() : DiscriminatedJsonConverter<ImagemapAction>(
[
    new("uri", typeof(UriImagemapAction)),
    new("message", typeof(MessageImagemapAction)),
    new("clipboard", typeof(ClipboardImagemapAction)),
])
{
    protected override ImagemapAction CreateUnknown(JsonElement json) => new UnknownImagemapAction(json);
}

/// <summary>Reads and writes <see cref="FlexContainer"/> by its <c>type</c>.</summary>
internal sealed class FlexContainerJsonConverter() : DiscriminatedJsonConverter<FlexContainer>(
    [new("bubble", typeof(FlexBubble)), new("carousel", typeof(FlexCarousel))])
{
    protected override FlexContainer CreateUnknown(JsonElement json) => new UnknownFlexContainer(json);
}

/// <summary>Reads and writes <see cref="FlexComponent"/> by its <c>type</c>.</summary>
internal sealed class FlexComponentJsonConverter() : DiscriminatedJsonConverter<FlexComponent>(
[
    new("box", typeof(FlexBox)),
    new("button", typeof(FlexButton)),
    new("image", typeof(FlexImage)),
    new("video", typeof(FlexVideo)),
    new("icon", typeof(FlexIcon)),
    new("text", typeof(FlexText)),
    new("span", typeof(FlexSpan)),
    new("separator", typeof(FlexSeparator)),
    new("filler", typeof(FlexFiller)),
])
{
    protected override FlexComponent CreateUnknown(JsonElement json) => new UnknownFlexComponent(json);
}

/// <summary>Reads and writes <see cref="FlexBoxBackground"/> by its <c>type</c>.</summary>
internal sealed class FlexBackgroundJsonConverter() : DiscriminatedJsonConverter<FlexBoxBackground>(
    [new("linearGradient", typeof(FlexLinearGradient))])
{
    protected override FlexBoxBackground CreateUnknown(JsonElement json) => new UnknownFlexBoxBackground(json);
}
