namespace LineCrm.Messaging.Http;

/// <summary>The catalogue of operations the client implements: method, host, retry safety and rate-limit bucket.</summary>
internal static class LineOperations
{
    public static readonly LineOperationInfo ReplyMessage = new("replyMessage", HttpMethod.Post, Retry: RetryMode.BeforeSendOnly);
    public static readonly LineOperationInfo PushMessage = new("pushMessage", HttpMethod.Post, Retry: RetryMode.KeyedSend);
    public static readonly LineOperationInfo Multicast = new("multicast", HttpMethod.Post, Retry: RetryMode.KeyedSend, Bucket: RateLimitBucket.Multicast);
    public static readonly LineOperationInfo Narrowcast = new("narrowcast", HttpMethod.Post, Retry: RetryMode.KeyedSend, Bucket: RateLimitBucket.Narrowcast);
    public static readonly LineOperationInfo Broadcast = new("broadcast", HttpMethod.Post, Retry: RetryMode.KeyedSend, Bucket: RateLimitBucket.Broadcast);
    public static readonly LineOperationInfo GetNarrowcastProgress = new("getNarrowcastProgress", HttpMethod.Get);
    public static readonly LineOperationInfo ValidateReply = new("validateReply", HttpMethod.Post);
    public static readonly LineOperationInfo ValidatePush = new("validatePush", HttpMethod.Post);
    public static readonly LineOperationInfo ValidateMulticast = new("validateMulticast", HttpMethod.Post);
    public static readonly LineOperationInfo ValidateNarrowcast = new("validateNarrowcast", HttpMethod.Post);
    public static readonly LineOperationInfo ValidateBroadcast = new("validateBroadcast", HttpMethod.Post);
    public static readonly LineOperationInfo GetMessageQuota = new("getMessageQuota", HttpMethod.Get);
    public static readonly LineOperationInfo GetMessageQuotaConsumption = new("getMessageQuotaConsumption", HttpMethod.Get);
    public static readonly LineOperationInfo GetNumberOfSentReplyMessages = new("getNumberOfSentReplyMessages", HttpMethod.Get);
    public static readonly LineOperationInfo GetNumberOfSentPushMessages = new("getNumberOfSentPushMessages", HttpMethod.Get);
    public static readonly LineOperationInfo GetNumberOfSentMulticastMessages = new("getNumberOfSentMulticastMessages", HttpMethod.Get);
    public static readonly LineOperationInfo GetNumberOfSentBroadcastMessages = new("getNumberOfSentBroadcastMessages", HttpMethod.Get);
    public static readonly LineOperationInfo GetProfile = new("getProfile", HttpMethod.Get);
    public static readonly LineOperationInfo GetFollowers = new("getFollowers", HttpMethod.Get);
    public static readonly LineOperationInfo GetBotInfo = new("getBotInfo", HttpMethod.Get);
    public static readonly LineOperationInfo ShowLoadingAnimation = new("showLoadingAnimation", HttpMethod.Post);
    public static readonly LineOperationInfo MarkMessagesAsRead = new("markMessagesAsRead", HttpMethod.Post);
    public static readonly LineOperationInfo MarkMessagesAsReadByToken = new("markMessagesAsReadByToken", HttpMethod.Post);

    // Issuing a second link token is harmless (the first simply expires unused), so it is retried like a read.
    public static readonly LineOperationInfo IssueLinkToken = new("issueLinkToken", HttpMethod.Post);
}
