using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LineCrm.Messaging.Audiences;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    private static readonly MediaTypeHeaderValue PlainText = new("text/plain") { CharSet = "utf-8" };

    /// <summary>Creates an audience from at most 10,000 user ids (JSON upload). For any number, use <see cref="UploadAudienceAsync"/>.</summary>
    /// <param name="request">The name and ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">More than 10,000 ids, or a name over 120 characters; nothing was sent.</exception>
    [LineOperation("createAudienceGroup")]
    public virtual Task<LineResponse<CreatedAudienceGroup>> CreateAudienceGroupAsync(
        CreateAudienceGroupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        AudienceLimits.CheckDescription(request.Description, nameof(request));
        AudienceLimits.CheckCount(request.Audiences.Count, AudienceLimits.JsonIdsPerRequest, "audiences", nameof(request));
        return SendAsync(
            AudienceOperations.Create, "v2/bot/audienceGroup/upload", request,
            LinePlatformJsonContext.Default.CreateAudienceGroupRequest, LinePlatformJsonContext.Default.CreatedAudienceGroup,
            retryKey: null, whenAlreadyAccepted: null, cancellationToken);
    }

    /// <summary>Adds at most 10,000 user ids to an audience (JSON upload).</summary>
    /// <param name="request">The audience id and ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("addAudienceToAudienceGroup")]
    public virtual Task<LineResponse> AddAudienceToAudienceGroupAsync(
        AddAudienceToAudienceGroupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        AudienceLimits.CheckCount(request.Audiences.Count, AudienceLimits.JsonIdsPerRequest, "audiences", nameof(request));
        return SendAsync(
            AudienceOperations.Add, "v2/bot/audienceGroup/upload", request,
            LinePlatformJsonContext.Default.AddAudienceToAudienceGroupRequest, retryKey: null, cancellationToken);
    }

    /// <summary>Creates an audience from a file of at most 1,500,000 user ids (multipart upload to the data host).</summary>
    /// <param name="description">The audience's name, at most 120 characters.</param>
    /// <param name="userIds">The ids, one per line in the uploaded file.</param>
    /// <param name="isIfaAudience">True when the ids are IFAs.</param>
    /// <param name="uploadDescription">A description of the upload job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("createAudienceForUploadingUserIds")]
    public virtual async Task<LineResponse<CreatedAudienceGroup>> CreateAudienceForUploadingUserIdsAsync(
        string description,
        IReadOnlyCollection<string> userIds,
        bool isIfaAudience = false,
        string? uploadDescription = null,
        CancellationToken cancellationToken = default)
    {
        AudienceLimits.CheckDescription(description, nameof(description));
        var file = IdFile(userIds, nameof(userIds));
        var raw = await SendContentAsync(
            AudienceOperations.CreateByFile,
            "v2/bot/audienceGroup/upload/byFile",
            () => Multipart(file, ("description", description), ("isIfaAudience", isIfaAudience ? "true" : "false"), ("uploadDescription", uploadDescription)),
            cancellationToken).ConfigureAwait(false);
        return new LineResponse<CreatedAudienceGroup>(
            raw.Status, raw.RequestId, ReadBody(AudienceOperations.CreateByFile, raw, LinePlatformJsonContext.Default.CreatedAudienceGroup));
    }

    /// <summary>Adds a file of at most 1,500,000 user ids to an audience (multipart upload to the data host).</summary>
    /// <param name="audienceGroupId">The audience.</param>
    /// <param name="userIds">The ids.</param>
    /// <param name="uploadDescription">A description of the upload job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("addUserIdsToAudience")]
    public virtual async Task<LineResponse> AddUserIdsToAudienceAsync(
        long audienceGroupId, IReadOnlyCollection<string> userIds, string? uploadDescription = null, CancellationToken cancellationToken = default)
    {
        var file = IdFile(userIds, nameof(userIds));
        var raw = await SendContentAsync(
            AudienceOperations.AddByFile,
            "v2/bot/audienceGroup/upload/byFile",
            () => Multipart(file, ("audienceGroupId", audienceGroupId.ToString(CultureInfo.InvariantCulture)), ("uploadDescription", uploadDescription)),
            cancellationToken).ConfigureAwait(false);
        return new LineResponse(raw.Status, raw.RequestId);
    }

    /// <summary>Creates an audience of the users who clicked a URL in a broadcast or narrowcast.</summary>
    /// <param name="request">The name, the message's request id and optionally the URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("createClickBasedAudienceGroup")]
    public virtual Task<LineResponse<CreatedAudienceGroup>> CreateClickBasedAudienceGroupAsync(
        CreateClickBasedAudienceGroupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        AudienceLimits.CheckDescription(request.Description, nameof(request));
        return SendAsync(
            AudienceOperations.CreateClickBased, "v2/bot/audienceGroup/click", request,
            LinePlatformJsonContext.Default.CreateClickBasedAudienceGroupRequest, LinePlatformJsonContext.Default.CreatedAudienceGroup,
            retryKey: null, whenAlreadyAccepted: null, cancellationToken);
    }

    /// <summary>Creates an audience of the users who saw a broadcast or narrowcast.</summary>
    /// <param name="request">The name and the message's request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("createImpBasedAudienceGroup")]
    public virtual Task<LineResponse<CreatedAudienceGroup>> CreateImpBasedAudienceGroupAsync(
        CreateImpBasedAudienceGroupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        AudienceLimits.CheckDescription(request.Description, nameof(request));
        return SendAsync(
            AudienceOperations.CreateImpBased, "v2/bot/audienceGroup/imp", request,
            LinePlatformJsonContext.Default.CreateImpBasedAudienceGroupRequest, LinePlatformJsonContext.Default.CreatedAudienceGroup,
            retryKey: null, whenAlreadyAccepted: null, cancellationToken);
    }

    /// <summary>Renames an audience.</summary>
    /// <param name="audienceGroupId">The audience.</param>
    /// <param name="description">The new name, at most 120 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("updateAudienceGroupDescription")]
    public virtual Task<LineResponse> UpdateAudienceGroupDescriptionAsync(
        long audienceGroupId, string description, CancellationToken cancellationToken = default)
    {
        AudienceLimits.CheckDescription(description, nameof(description));
        return SendAsync(
            AudienceOperations.UpdateDescription, $"v2/bot/audienceGroup/{audienceGroupId}/updateDescription",
            new UpdateAudienceGroupDescriptionRequest(description), LinePlatformJsonContext.Default.UpdateAudienceGroupDescriptionRequest,
            retryKey: null, cancellationToken);
    }

    /// <summary>Deletes an audience.</summary>
    /// <param name="audienceGroupId">The audience.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("deleteAudienceGroup")]
    public virtual Task<LineResponse> DeleteAudienceGroupAsync(long audienceGroupId, CancellationToken cancellationToken = default) =>
        CallAsync(AudienceOperations.Delete, $"v2/bot/audienceGroup/{audienceGroupId}", cancellationToken);

    /// <summary>Reads an audience and its upload jobs.</summary>
    /// <param name="audienceGroupId">The audience.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getAudienceData")]
    public virtual Task<LineResponse<AudienceData>> GetAudienceDataAsync(long audienceGroupId, CancellationToken cancellationToken = default) =>
        GetAsync(AudienceOperations.Get, $"v2/bot/audienceGroup/{audienceGroupId}", LinePlatformJsonContext.Default.AudienceData, cancellationToken);

    /// <summary>Reads an audience shared from Business Manager.</summary>
    /// <param name="audienceGroupId">The audience.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getSharedAudienceData")]
    public virtual Task<LineResponse<AudienceData>> GetSharedAudienceDataAsync(long audienceGroupId, CancellationToken cancellationToken = default) =>
        GetAsync(AudienceOperations.GetShared, $"v2/bot/audienceGroup/shared/{audienceGroupId}", LinePlatformJsonContext.Default.AudienceData, cancellationToken);

    /// <summary>Reads one page of the channel's audiences. To read them all, use <see cref="GetAllAudienceGroupsAsync"/>.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="query">Filters and page size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getAudienceGroups")]
    public virtual Task<LineResponse<AudienceGroupPage>> GetAudienceGroupsAsync(
        int page = 1, AudienceGroupQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAsync(AudienceOperations.List, "v2/bot/audienceGroup/list" + AudienceQuery(page, query, shared: false),
            LinePlatformJsonContext.Default.AudienceGroupPage, cancellationToken);

    /// <summary>Reads one page of the audiences shared with the channel.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="query">Filters and page size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getSharedAudienceGroups")]
    public virtual Task<LineResponse<AudienceGroupPage>> GetSharedAudienceGroupsAsync(
        int page = 1, AudienceGroupQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAsync(AudienceOperations.ListShared, "v2/bot/audienceGroup/shared/list" + AudienceQuery(page, query, shared: true),
            LinePlatformJsonContext.Default.AudienceGroupPage, cancellationToken);

    /// <summary>Every audience of the channel, page after page until <c>hasNextPage</c> is false.</summary>
    /// <param name="query">Filters and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<AudienceGroup> GetAllAudienceGroupsAsync(AudienceGroupQuery? query = null, CancellationToken cancellationToken = default) =>
        PagesAsync(
            (token, ct) => GetAudienceGroupsAsync(token is null ? 1 : int.Parse(token, CultureInfo.InvariantCulture), query, ct),
            page => page.AudienceGroups,
            page => page.HasNextPage ? (page.Page + 1).ToString(CultureInfo.InvariantCulture) : null,
            cancellationToken);

    /// <summary>Every audience shared with the channel.</summary>
    /// <param name="query">Filters and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<AudienceGroup> GetAllSharedAudienceGroupsAsync(AudienceGroupQuery? query = null, CancellationToken cancellationToken = default) =>
        PagesAsync(
            (token, ct) => GetSharedAudienceGroupsAsync(token is null ? 1 : int.Parse(token, CultureInfo.InvariantCulture), query, ct),
            page => page.AudienceGroups,
            page => page.HasNextPage ? (page.Page + 1).ToString(CultureInfo.InvariantCulture) : null,
            cancellationToken);

    private static string AudienceQuery(int page, AudienceGroupQuery? query, bool shared)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        if (query?.Size is { } size && (size < 1 || size > AudienceLimits.MaxPageSize))
        {
            throw new ArgumentOutOfRangeException(nameof(query), size, $"size: a page holds 1 to {AudienceLimits.MaxPageSize} audiences.");
        }

        return Query(
            ("page", page.ToString(CultureInfo.InvariantCulture)),
            ("description", query?.Description),
            ("status", query?.Status?.Value),
            ("size", query?.Size?.ToString(CultureInfo.InvariantCulture)),
            (shared ? "includesOwnedAudienceGroups" : "includesExternalPublicGroups",
                (shared ? query?.IncludesOwnedAudienceGroups : query?.IncludesExternalPublicGroups) is { } flag ? (flag ? "true" : "false") : null),
            ("createRoute", query?.CreateRoute?.Value));
    }

    /// <summary>The upload file: one id per line, UTF-8, checked against LINE's limit before anything is sent.</summary>
    private static byte[] IdFile(IReadOnlyCollection<string> userIds, string paramName)
    {
        ArgumentNullException.ThrowIfNull(userIds, paramName);
        if (userIds.Count == 0)
        {
            throw new ArgumentException("file: at least one id is needed for a file upload.", paramName);
        }

        AudienceLimits.CheckCount(userIds.Count, AudienceLimits.FileIdsPerRequest, "file", paramName);
        var text = new StringBuilder(userIds.Count * 34);
        var line = 0;
        foreach (var id in userIds)
        {
            line++;
            if (string.IsNullOrWhiteSpace(id) || id.AsSpan().ContainsAny('\r', '\n'))
            {
                throw new ArgumentException($"file: id {line} is empty or contains a line break.", paramName);
            }

            text.Append(id).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static MultipartFormDataContent Multipart(byte[] file, params (string Name, string? Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                content.Add(new StringContent(value, Encoding.UTF8), name);
            }
        }

        content.Add(new ByteArrayContent(file) { Headers = { ContentType = PlainText } }, "file", "audience.txt");
        return content;
    }
}
