using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.RichMenus;

/// <summary>The rich menu operations (<c>messaging-api.yml</c>) for the shared pipeline.</summary>
internal static class RichMenuOperations
{
    // Creating twice after a lost answer would leave a second menu (or, for an alias, a 400 "already exists" hiding
    // the success); an image can be uploaded only once per menu; a batch resumes with its own key, not by repeating.
    // These are retried only when LINE surely did not act on them.
    public static readonly LineOperationInfo Create = new("createRichMenu", HttpMethod.Post, Retry: RetryMode.BeforeSendOnly);
    public static readonly LineOperationInfo SetImage = new("setRichMenuImage", HttpMethod.Post, LineHost.Data, RetryMode.BeforeSendOnly);
    public static readonly LineOperationInfo CreateAlias = new("createRichMenuAlias", HttpMethod.Post, Retry: RetryMode.BeforeSendOnly);
    public static readonly LineOperationInfo Batch = new("richMenuBatch", HttpMethod.Post, Retry: RetryMode.BeforeSendOnly);

    // Reads, validations and writes that leave the same state when repeated (link, unlink, set default, delete).
    public static readonly LineOperationInfo Validate = new("validateRichMenuObject", HttpMethod.Post);
    public static readonly LineOperationInfo GetImage = new("getRichMenuImage", HttpMethod.Get, LineHost.Data);
    public static readonly LineOperationInfo Get = new("getRichMenu", HttpMethod.Get);
    public static readonly LineOperationInfo Delete = new("deleteRichMenu", HttpMethod.Delete);
    public static readonly LineOperationInfo List = new("getRichMenuList", HttpMethod.Get);
    public static readonly LineOperationInfo SetDefault = new("setDefaultRichMenu", HttpMethod.Post);
    public static readonly LineOperationInfo GetDefault = new("getDefaultRichMenuId", HttpMethod.Get);
    public static readonly LineOperationInfo CancelDefault = new("cancelDefaultRichMenu", HttpMethod.Delete);
    public static readonly LineOperationInfo GetAlias = new("getRichMenuAlias", HttpMethod.Get);
    public static readonly LineOperationInfo UpdateAlias = new("updateRichMenuAlias", HttpMethod.Post);
    public static readonly LineOperationInfo DeleteAlias = new("deleteRichMenuAlias", HttpMethod.Delete);
    public static readonly LineOperationInfo ListAliases = new("getRichMenuAliasList", HttpMethod.Get);
    public static readonly LineOperationInfo GetOfUser = new("getRichMenuIdOfUser", HttpMethod.Get);
    public static readonly LineOperationInfo UnlinkFromUser = new("unlinkRichMenuIdFromUser", HttpMethod.Delete);
    public static readonly LineOperationInfo LinkToUser = new("linkRichMenuIdToUser", HttpMethod.Post);
    public static readonly LineOperationInfo LinkToUsers = new("linkRichMenuIdToUsers", HttpMethod.Post);
    public static readonly LineOperationInfo UnlinkFromUsers = new("unlinkRichMenuIdFromUsers", HttpMethod.Post);
    public static readonly LineOperationInfo ValidateBatch = new("validateRichMenuBatchRequest", HttpMethod.Post);
    public static readonly LineOperationInfo BatchProgress = new("getRichMenuBatchProgress", HttpMethod.Get);
}
