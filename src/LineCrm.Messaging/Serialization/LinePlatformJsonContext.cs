using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Messaging.AggregationUnits;
using LineCrm.Messaging.Audiences;
using LineCrm.Messaging.Chats;
using LineCrm.Messaging.Content;
using LineCrm.Messaging.Coupons;
using LineCrm.Messaging.Insights;
using LineCrm.Messaging.Memberships;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.RichMenus;
using LineCrm.Messaging.Tokens;
using LineCrm.Messaging.WebhookSettings;

namespace LineCrm.Messaging.Serialization;

/// <summary>
/// Source-generated JSON metadata for the platform operations beyond sending (tokens, audiences, insights, rich
/// menus, content, chats, coupons, membership): the same settings as <see cref="LineJsonContext"/>.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(IssuedChannelToken))]
[JsonSerializable(typeof(ChannelTokenInfo))]
[JsonSerializable(typeof(ChannelTokenKeyIds))]
[JsonSerializable(typeof(CreateAudienceGroupRequest))]
[JsonSerializable(typeof(AddAudienceToAudienceGroupRequest))]
[JsonSerializable(typeof(CreateClickBasedAudienceGroupRequest))]
[JsonSerializable(typeof(CreateImpBasedAudienceGroupRequest))]
[JsonSerializable(typeof(UpdateAudienceGroupDescriptionRequest))]
[JsonSerializable(typeof(CreatedAudienceGroup))]
[JsonSerializable(typeof(AudienceData))]
[JsonSerializable(typeof(AudienceGroupPage))]
[JsonSerializable(typeof(FriendsDemographics))]
[JsonSerializable(typeof(MessageDeliveryStatistics))]
[JsonSerializable(typeof(FollowerStatistics))]
[JsonSerializable(typeof(MessageEventStatistics))]
[JsonSerializable(typeof(RichMenuInsightSummary))]
[JsonSerializable(typeof(RichMenuInsightDaily))]
[JsonSerializable(typeof(GroupSummary))]
[JsonSerializable(typeof(ChatMemberCount))]
[JsonSerializable(typeof(ChatMemberIdsPage))]
[JsonSerializable(typeof(ChatMemberProfile))]
[JsonSerializable(typeof(WebhookEndpointInfo))]
[JsonSerializable(typeof(SetWebhookEndpointRequest))]
[JsonSerializable(typeof(TestWebhookEndpointRequest))]
[JsonSerializable(typeof(WebhookTestResult))]
[JsonSerializable(typeof(AggregationUnitUsage))]
[JsonSerializable(typeof(AggregationUnitNamePage))]
[JsonSerializable(typeof(RichMenuRequest))]
[JsonSerializable(typeof(RichMenuResponse))]
[JsonSerializable(typeof(RichMenuIdResponse))]
[JsonSerializable(typeof(RichMenuListResponse))]
[JsonSerializable(typeof(RichMenuAlias))]
[JsonSerializable(typeof(RichMenuAliasListResponse))]
[JsonSerializable(typeof(UpdateRichMenuAliasRequest))]
[JsonSerializable(typeof(RichMenuBulkLinkRequest))]
[JsonSerializable(typeof(RichMenuBulkUnlinkRequest))]
[JsonSerializable(typeof(RichMenuBatchRequest))]
[JsonSerializable(typeof(RichMenuBatchProgress))]
[JsonSerializable(typeof(PostbackAction))] // rich menu areas carry actions; ActionJsonConverter resolves each concrete type here
[JsonSerializable(typeof(MessageAction))]
[JsonSerializable(typeof(UriAction))]
[JsonSerializable(typeof(DatetimePickerAction))]
[JsonSerializable(typeof(CameraAction))]
[JsonSerializable(typeof(CameraRollAction))]
[JsonSerializable(typeof(LocationAction))]
[JsonSerializable(typeof(RichMenuSwitchAction))]
[JsonSerializable(typeof(ClipboardAction))]
[JsonSerializable(typeof(MessageContentTranscoding))]
[JsonSerializable(typeof(MembershipSubscriptionList))]
[JsonSerializable(typeof(MembershipPlanList))]
[JsonSerializable(typeof(MembershipUserIdsPage))]
[JsonSerializable(typeof(CouponCreateRequest))]
[JsonSerializable(typeof(CreatedCoupon))]
[JsonSerializable(typeof(CouponPage))]
[JsonSerializable(typeof(CouponDetail))]
internal sealed partial class LinePlatformJsonContext : JsonSerializerContext;
