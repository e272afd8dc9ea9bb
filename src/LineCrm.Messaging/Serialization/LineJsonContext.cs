using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.Messages.Flex;
using LineCrm.Messaging.Messages.Imagemap;
using LineCrm.Messaging.Messages.Templates;
using LineCrm.Messaging.Pnp;

namespace LineCrm.Messaging.Serialization;

/// <summary>
/// The source-generated JSON metadata of every LINE object this package reads or writes: camelCase names, absent
/// (null) values left out, as LINE's OpenAPI documents write them. Trimming and AOT safe.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(IReadOnlyList<Message>))]
[JsonSerializable(typeof(TextMessage))]
[JsonSerializable(typeof(TextMessageV2))]
[JsonSerializable(typeof(StickerMessage))]
[JsonSerializable(typeof(ImageMessage))]
[JsonSerializable(typeof(VideoMessage))]
[JsonSerializable(typeof(AudioMessage))]
[JsonSerializable(typeof(LocationMessage))]
[JsonSerializable(typeof(CouponMessage))]
[JsonSerializable(typeof(Substitution))]
[JsonSerializable(typeof(MentionSubstitution))]
[JsonSerializable(typeof(EmojiSubstitution))]
[JsonSerializable(typeof(MentionTarget))]
[JsonSerializable(typeof(UserMentionTarget))]
[JsonSerializable(typeof(AllMentionTarget))]
[JsonSerializable(typeof(ImagemapMessage))]
[JsonSerializable(typeof(ImagemapAction))]
[JsonSerializable(typeof(UriImagemapAction))]
[JsonSerializable(typeof(MessageImagemapAction))]
[JsonSerializable(typeof(ClipboardImagemapAction))]
[JsonSerializable(typeof(TemplateMessage))]
[JsonSerializable(typeof(Template))]
[JsonSerializable(typeof(ButtonsTemplate))]
[JsonSerializable(typeof(ConfirmTemplate))]
[JsonSerializable(typeof(CarouselTemplate))]
[JsonSerializable(typeof(ImageCarouselTemplate))]
[JsonSerializable(typeof(FlexMessage))]
[JsonSerializable(typeof(FlexContainer))]
[JsonSerializable(typeof(FlexBubble))]
[JsonSerializable(typeof(FlexCarousel))]
[JsonSerializable(typeof(FlexComponent))]
[JsonSerializable(typeof(FlexBox))]
[JsonSerializable(typeof(FlexButton))]
[JsonSerializable(typeof(FlexImage))]
[JsonSerializable(typeof(FlexVideo))]
[JsonSerializable(typeof(FlexIcon))]
[JsonSerializable(typeof(FlexText))]
[JsonSerializable(typeof(FlexSpan))]
[JsonSerializable(typeof(FlexSeparator))]
[JsonSerializable(typeof(FlexFiller))]
[JsonSerializable(typeof(FlexBoxBackground))]
[JsonSerializable(typeof(FlexLinearGradient))]
[JsonSerializable(typeof(LineAction))]
[JsonSerializable(typeof(PostbackAction))]
[JsonSerializable(typeof(MessageAction))]
[JsonSerializable(typeof(UriAction))]
[JsonSerializable(typeof(DatetimePickerAction))]
[JsonSerializable(typeof(CameraAction))]
[JsonSerializable(typeof(CameraRollAction))]
[JsonSerializable(typeof(LocationAction))]
[JsonSerializable(typeof(RichMenuSwitchAction))]
[JsonSerializable(typeof(ClipboardAction))]
[JsonSerializable(typeof(ReplyMessageRequest))]
[JsonSerializable(typeof(PushMessageRequest))]
[JsonSerializable(typeof(ReplyMessageResponse))]
[JsonSerializable(typeof(PushMessageResponse))]
[JsonSerializable(typeof(IssueLinkTokenResponse))]
[JsonSerializable(typeof(MulticastRequest))]
[JsonSerializable(typeof(BroadcastRequest))]
[JsonSerializable(typeof(NarrowcastRequest))]
[JsonSerializable(typeof(NarrowcastRecipient))]
[JsonSerializable(typeof(AudienceRecipient))]
[JsonSerializable(typeof(RedeliveryRecipient))]
[JsonSerializable(typeof(OperatorRecipient))]
[JsonSerializable(typeof(NarrowcastProgressResponse))]
[JsonSerializable(typeof(ValidateMessageRequest))]
[JsonSerializable(typeof(MessageQuotaResponse))]
[JsonSerializable(typeof(QuotaConsumptionResponse))]
[JsonSerializable(typeof(NumberOfMessagesResponse))]
[JsonSerializable(typeof(UserProfileResponse))]
[JsonSerializable(typeof(GetFollowersResponse))]
[JsonSerializable(typeof(BotInfoResponse))]
[JsonSerializable(typeof(ShowLoadingAnimationRequest))]
[JsonSerializable(typeof(MarkMessagesAsReadRequest))]
[JsonSerializable(typeof(MarkMessagesAsReadByTokenRequest))]
[JsonSerializable(typeof(BulkSendJob))]
[JsonSerializable(typeof(LineErrorBody))]
[JsonSerializable(typeof(PnpMessagesRequest))]
internal sealed partial class LineJsonContext : JsonSerializerContext;
