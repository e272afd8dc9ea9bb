using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.Audiences;

/// <summary>The audience operations (<c>manage-audience.yml</c>) for the shared pipeline.</summary>
internal static class AudienceOperations
{
    // Creating twice after a lost answer would leave a duplicate audience: retried only when LINE surely did not act.
    public static readonly LineOperationInfo Create = new("createAudienceGroup", HttpMethod.Post, Retry: RetryMode.BeforeSendOnly);
    public static readonly LineOperationInfo CreateByFile = new("createAudienceForUploadingUserIds", HttpMethod.Post, LineHost.Data, RetryMode.BeforeSendOnly);
    public static readonly LineOperationInfo CreateClickBased = new("createClickBasedAudienceGroup", HttpMethod.Post, Retry: RetryMode.BeforeSendOnly);
    public static readonly LineOperationInfo CreateImpBased = new("createImpBasedAudienceGroup", HttpMethod.Post, Retry: RetryMode.BeforeSendOnly);

    // Adding the same ids twice is harmless (an audience is a set), so adds are retried like reads.
    public static readonly LineOperationInfo Add = new("addAudienceToAudienceGroup", HttpMethod.Put);
    public static readonly LineOperationInfo AddByFile = new("addUserIdsToAudience", HttpMethod.Put, LineHost.Data);
    public static readonly LineOperationInfo UpdateDescription = new("updateAudienceGroupDescription", HttpMethod.Put);
    public static readonly LineOperationInfo Delete = new("deleteAudienceGroup", HttpMethod.Delete);
    public static readonly LineOperationInfo Get = new("getAudienceData", HttpMethod.Get);
    public static readonly LineOperationInfo List = new("getAudienceGroups", HttpMethod.Get);
    public static readonly LineOperationInfo GetShared = new("getSharedAudienceData", HttpMethod.Get);
    public static readonly LineOperationInfo ListShared = new("getSharedAudienceGroups", HttpMethod.Get);
}
