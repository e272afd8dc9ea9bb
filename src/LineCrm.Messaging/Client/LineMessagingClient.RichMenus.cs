using System.Net.Http.Headers;
using LineCrm.Messaging.Content;
using LineCrm.Messaging.RichMenus;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>Creates a rich menu; upload its image next (<see cref="SetRichMenuImageAsync(string, ReadOnlyMemory{byte}, string, CancellationToken)"/>), since a menu without one cannot be shown.</summary>
    /// <param name="richMenu">The menu; checked against <see cref="RichMenuLimits"/> first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new menu's id.</returns>
    /// <exception cref="ArgumentException">The menu breaks a documented limit; the message names the field. Nothing was sent.</exception>
    [LineOperation("createRichMenu")]
    public virtual Task<LineResponse<RichMenuIdResponse>> CreateRichMenuAsync(RichMenuRequest richMenu, CancellationToken cancellationToken = default)
    {
        RichMenuLimits.Check(richMenu, "richMenu");
        return SendAsync(
            RichMenuOperations.Create, "v2/bot/richmenu", richMenu,
            LinePlatformJsonContext.Default.RichMenuRequest, LinePlatformJsonContext.Default.RichMenuIdResponse,
            retryKey: null, whenAlreadyAccepted: null, cancellationToken);
    }

    /// <summary>Asks LINE whether a rich menu is valid, without creating it.</summary>
    /// <param name="richMenu">The menu; checked against <see cref="RichMenuLimits"/> first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">LINE found problems; see <see cref="LineApiException.Details"/>.</exception>
    [LineOperation("validateRichMenuObject")]
    public virtual Task<LineResponse> ValidateRichMenuObjectAsync(RichMenuRequest richMenu, CancellationToken cancellationToken = default)
    {
        RichMenuLimits.Check(richMenu, "richMenu");
        return SendAsync(
            RichMenuOperations.Validate, "v2/bot/richmenu/validate", richMenu, LinePlatformJsonContext.Default.RichMenuRequest,
            retryKey: null, cancellationToken);
    }

    /// <summary>
    /// Uploads a rich menu's image (data host). LINE takes one image per menu: JPEG or PNG, 800 to 2500 pixels wide, at
    /// least 250 pixels high, at least 1.45 times as wide as high, and at most 1 MB. The width and height are read from
    /// the image's header (PNG IHDR, JPEG frame header) and checked before anything is sent.
    /// </summary>
    /// <param name="richMenuId">The menu.</param>
    /// <param name="image">The image's bytes.</param>
    /// <param name="contentType"><c>image/jpeg</c> or <c>image/png</c>; it must match the bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">
    /// Nothing was sent: another content type, bytes that are not that type, more than 1 MB, a header too short or
    /// malformed to give the width and height, or a width and height LINE refuses (the message gives them and the rule).
    /// </exception>
    [LineOperation("setRichMenuImage")]
    public virtual Task<LineResponse> SetRichMenuImageAsync(
        string richMenuId, ReadOnlyMemory<byte> image, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        var mediaType = RichMenuImage.Check(image.Span, contentType);
        return UploadImageAsync(richMenuId, image, mediaType, cancellationToken);
    }

    /// <summary>
    /// Uploads a rich menu's image from a stream (a file, say). At most 1 MB + 1 byte is read: a larger image is
    /// refused as soon as that is known, before anything is sent. The image is then checked like the
    /// <see cref="ReadOnlyMemory{T}"/> overload does, pixel size included.
    /// </summary>
    /// <param name="richMenuId">The menu.</param>
    /// <param name="image">The image; read from its current position.</param>
    /// <param name="contentType"><c>image/jpeg</c> or <c>image/png</c>; it must match the bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">
    /// Nothing was sent: another content type, bytes that are not that type, more than 1 MB, a header too short or
    /// malformed to give the width and height, or a width and height LINE refuses (the message gives them and the rule).
    /// </exception>
    /// <remarks>Reads the image, then calls the <see cref="ReadOnlyMemory{T}"/> overload, the one to override in test doubles.</remarks>
    public virtual async Task<LineResponse> SetRichMenuImageAsync(
        string richMenuId, Stream image, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var bytes = await RichMenuImage.ReadAsync(image, cancellationToken).ConfigureAwait(false);
        return await SetRichMenuImageAsync(richMenuId, bytes, contentType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads a rich menu's image (data host), streamed; dispose the result.</summary>
    /// <param name="richMenuId">The menu.</param>
    /// <param name="cancellationToken">Cancels the call (not the reading of the body; pass a token to the stream's reads for that).</param>
    /// <exception cref="LineApiException">404 when the menu or its image does not exist.</exception>
    [LineOperation("getRichMenuImage")]
    public virtual Task<LineContentDownload> GetRichMenuImageAsync(string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return DownloadAsync(RichMenuOperations.GetImage, $"v2/bot/richmenu/{Escape(richMenuId)}/content", cancellationToken);
    }

    /// <summary>Reads a rich menu.</summary>
    /// <param name="richMenuId">The menu.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when there is no such menu.</exception>
    [LineOperation("getRichMenu")]
    public virtual Task<LineResponse<RichMenuResponse>> GetRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return GetAsync(RichMenuOperations.Get, $"v2/bot/richmenu/{Escape(richMenuId)}", LinePlatformJsonContext.Default.RichMenuResponse, cancellationToken);
    }

    /// <summary>Deletes a rich menu (users linked to it see the default menu, if any, from then on).</summary>
    /// <param name="richMenuId">The menu.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("deleteRichMenu")]
    public virtual Task<LineResponse> DeleteRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return CallAsync(RichMenuOperations.Delete, $"v2/bot/richmenu/{Escape(richMenuId)}", cancellationToken);
    }

    /// <summary>Every rich menu created through the Messaging API (one answer; LINE does not page this list).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getRichMenuList")]
    public virtual Task<LineResponse<RichMenuListResponse>> GetRichMenuListAsync(CancellationToken cancellationToken = default) =>
        GetAsync(RichMenuOperations.List, "v2/bot/richmenu/list", LinePlatformJsonContext.Default.RichMenuListResponse, cancellationToken);

    /// <summary>Makes a rich menu the default for every user without a menu of their own.</summary>
    /// <param name="richMenuId">The menu; it must have an image.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("setDefaultRichMenu")]
    public virtual Task<LineResponse> SetDefaultRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return CallAsync(RichMenuOperations.SetDefault, $"v2/bot/user/all/richmenu/{Escape(richMenuId)}", cancellationToken);
    }

    /// <summary>The default rich menu set through the Messaging API.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when no default is set.</exception>
    [LineOperation("getDefaultRichMenuId")]
    public virtual Task<LineResponse<RichMenuIdResponse>> GetDefaultRichMenuIdAsync(CancellationToken cancellationToken = default) =>
        GetAsync(RichMenuOperations.GetDefault, "v2/bot/user/all/richmenu", LinePlatformJsonContext.Default.RichMenuIdResponse, cancellationToken);

    /// <summary>Clears the default rich menu.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("cancelDefaultRichMenu")]
    public virtual Task<LineResponse> CancelDefaultRichMenuAsync(CancellationToken cancellationToken = default) =>
        CallAsync(RichMenuOperations.CancelDefault, "v2/bot/user/all/richmenu", cancellationToken);

    /// <summary>Creates an alias for a rich menu, for <see cref="Messages.Actions.RichMenuSwitchAction"/>.</summary>
    /// <param name="richMenuAlias">The alias (1 to 32 of <c>a-z 0-9 _ -</c>) and the menu.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The alias id breaks the documented pattern; nothing was sent.</exception>
    /// <exception cref="LineApiException">400 when the alias exists already or the menu has no image.</exception>
    [LineOperation("createRichMenuAlias")]
    public virtual Task<LineResponse> CreateRichMenuAliasAsync(RichMenuAlias richMenuAlias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(richMenuAlias);
        RichMenuLimits.CheckAliasId(richMenuAlias.RichMenuAliasId, "richMenuAlias.richMenuAliasId");
        ArgumentException.ThrowIfNullOrEmpty(richMenuAlias.RichMenuId, "richMenuAlias.richMenuId");
        return SendAsync(
            RichMenuOperations.CreateAlias, "v2/bot/richmenu/alias", richMenuAlias, LinePlatformJsonContext.Default.RichMenuAlias,
            retryKey: null, cancellationToken);
    }

    /// <summary>Reads an alias.</summary>
    /// <param name="richMenuAliasId">The alias.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when there is no such alias.</exception>
    [LineOperation("getRichMenuAlias")]
    public virtual Task<LineResponse<RichMenuAlias>> GetRichMenuAliasAsync(string richMenuAliasId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuAliasId);
        return GetAsync(
            RichMenuOperations.GetAlias, $"v2/bot/richmenu/alias/{Escape(richMenuAliasId)}", LinePlatformJsonContext.Default.RichMenuAlias, cancellationToken);
    }

    /// <summary>Points an alias at another rich menu; every switch action naming the alias follows.</summary>
    /// <param name="richMenuAliasId">The alias.</param>
    /// <param name="richMenuId">The menu it points at from now on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("updateRichMenuAlias")]
    public virtual Task<LineResponse> UpdateRichMenuAliasAsync(string richMenuAliasId, string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuAliasId);
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return SendAsync(
            RichMenuOperations.UpdateAlias, $"v2/bot/richmenu/alias/{Escape(richMenuAliasId)}", new UpdateRichMenuAliasRequest(richMenuId),
            LinePlatformJsonContext.Default.UpdateRichMenuAliasRequest, retryKey: null, cancellationToken);
    }

    /// <summary>Deletes an alias (the menu it pointed at stays).</summary>
    /// <param name="richMenuAliasId">The alias.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("deleteRichMenuAlias")]
    public virtual Task<LineResponse> DeleteRichMenuAliasAsync(string richMenuAliasId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuAliasId);
        return CallAsync(RichMenuOperations.DeleteAlias, $"v2/bot/richmenu/alias/{Escape(richMenuAliasId)}", cancellationToken);
    }

    /// <summary>Every alias of the channel (one answer; LINE does not page this list).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getRichMenuAliasList")]
    public virtual Task<LineResponse<RichMenuAliasListResponse>> GetRichMenuAliasListAsync(CancellationToken cancellationToken = default) =>
        GetAsync(RichMenuOperations.ListAliases, "v2/bot/richmenu/alias/list", LinePlatformJsonContext.Default.RichMenuAliasListResponse, cancellationToken);

    /// <summary>The rich menu linked to one user.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when the user has no menu of their own.</exception>
    [LineOperation("getRichMenuIdOfUser")]
    public virtual Task<LineResponse<RichMenuIdResponse>> GetRichMenuIdOfUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return GetAsync(RichMenuOperations.GetOfUser, $"v2/bot/user/{Escape(userId)}/richmenu", LinePlatformJsonContext.Default.RichMenuIdResponse, cancellationToken);
    }

    /// <summary>Links a rich menu to one user; it takes precedence over the default menu.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="richMenuId">The menu.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("linkRichMenuIdToUser")]
    public virtual Task<LineResponse> LinkRichMenuIdToUserAsync(string userId, string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return CallAsync(RichMenuOperations.LinkToUser, $"v2/bot/user/{Escape(userId)}/richmenu/{Escape(richMenuId)}", cancellationToken);
    }

    /// <summary>Unlinks one user's rich menu (they see the default menu again).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("unlinkRichMenuIdFromUser")]
    public virtual Task<LineResponse> UnlinkRichMenuIdFromUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return CallAsync(RichMenuOperations.UnlinkFromUser, $"v2/bot/user/{Escape(userId)}/richmenu", cancellationToken);
    }

    /// <summary>Links a rich menu to 1 to 500 users at once (LINE applies it in the background: 202).</summary>
    /// <param name="richMenuId">The menu.</param>
    /// <param name="userIds">1 to 500 user ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">No ids, more than 500, or an empty id; nothing was sent.</exception>
    [LineOperation("linkRichMenuIdToUsers")]
    public virtual Task<LineResponse> LinkRichMenuIdToUsersAsync(
        string richMenuId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        ArgumentNullException.ThrowIfNull(userIds);
        RichMenuLimits.CheckUserIds(userIds, "userIds");
        return SendAsync(
            RichMenuOperations.LinkToUsers, "v2/bot/richmenu/bulk/link", new RichMenuBulkLinkRequest(richMenuId, userIds),
            LinePlatformJsonContext.Default.RichMenuBulkLinkRequest, retryKey: null, cancellationToken);
    }

    /// <summary>Unlinks the rich menus of 1 to 500 users at once (202).</summary>
    /// <param name="userIds">1 to 500 user ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">No ids, more than 500, or an empty id; nothing was sent.</exception>
    [LineOperation("unlinkRichMenuIdFromUsers")]
    public virtual Task<LineResponse> UnlinkRichMenuIdFromUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        RichMenuLimits.CheckUserIds(userIds, "userIds");
        return SendAsync(
            RichMenuOperations.UnlinkFromUsers, "v2/bot/richmenu/bulk/unlink", new RichMenuBulkUnlinkRequest(userIds),
            LinePlatformJsonContext.Default.RichMenuBulkUnlinkRequest, retryKey: null, cancellationToken);
    }

    /// <summary>
    /// Starts a batch that relinks or unlinks the menus of every user linked to given menus (202). Follow it with
    /// <see cref="GetRichMenuBatchProgressAsync"/> and the <see cref="LineResponse.RequestId"/> of this answer.
    /// </summary>
    /// <param name="batch">1 to 1,000 operations and an optional resume key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The batch breaks a documented limit; nothing was sent.</exception>
    [LineOperation("richMenuBatch")]
    public virtual Task<LineResponse> RichMenuBatchAsync(RichMenuBatchRequest batch, CancellationToken cancellationToken = default)
    {
        RichMenuLimits.Check(batch, "batch");
        return SendAsync(
            RichMenuOperations.Batch, "v2/bot/richmenu/batch", batch, LinePlatformJsonContext.Default.RichMenuBatchRequest,
            retryKey: null, cancellationToken);
    }

    /// <summary>Asks LINE whether a batch is valid, without running it.</summary>
    /// <param name="batch">1 to 1,000 operations and an optional resume key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">LINE found problems (an unknown menu, say); see <see cref="LineApiException.Details"/>.</exception>
    [LineOperation("validateRichMenuBatchRequest")]
    public virtual Task<LineResponse> ValidateRichMenuBatchRequestAsync(RichMenuBatchRequest batch, CancellationToken cancellationToken = default)
    {
        RichMenuLimits.Check(batch, "batch");
        return SendAsync(
            RichMenuOperations.ValidateBatch, "v2/bot/richmenu/validate/batch", batch, LinePlatformJsonContext.Default.RichMenuBatchRequest,
            retryKey: null, cancellationToken);
    }

    /// <summary>Where a rich menu batch stands.</summary>
    /// <param name="requestId">The request id of the <see cref="RichMenuBatchAsync"/> answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when LINE knows no batch with that request id.</exception>
    [LineOperation("getRichMenuBatchProgress")]
    public virtual Task<LineResponse<RichMenuBatchProgress>> GetRichMenuBatchProgressAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return GetAsync(
            RichMenuOperations.BatchProgress, "v2/bot/richmenu/progress/batch" + Query(("requestId", requestId)),
            LinePlatformJsonContext.Default.RichMenuBatchProgress, cancellationToken);
    }

    private async Task<LineResponse> UploadImageAsync(
        string richMenuId, ReadOnlyMemory<byte> image, string mediaType, CancellationToken cancellationToken)
    {
        var raw = await SendContentAsync(
            RichMenuOperations.SetImage,
            $"v2/bot/richmenu/{Escape(richMenuId)}/content",
            () => new ReadOnlyMemoryContent(image) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } },
            cancellationToken).ConfigureAwait(false);
        return new LineResponse(raw.Status, raw.RequestId);
    }
}
