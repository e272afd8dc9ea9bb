using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Actions;

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
internal sealed partial class LineJsonContext : JsonSerializerContext;
