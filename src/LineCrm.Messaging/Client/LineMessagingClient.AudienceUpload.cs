using LineCrm.Messaging.Audiences;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>
    /// Creates an audience from any number of user ids: JSON requests of 10,000 for small sets, file uploads of up
    /// to 1,500,000 for large ones (chosen by <see cref="AudienceUploadOptions.Mode"/>). Invalid and repeated ids are
    /// left out and reported in <see cref="AudienceUploadResult.Rejected"/>. The audience is usable once
    /// <see cref="WaitForAudienceReadyAsync"/> says so.
    /// </summary>
    /// <param name="description">The audience's name, at most 120 characters.</param>
    /// <param name="userIds">The ids (a segment's LINE user ids, say).</param>
    /// <param name="options">Upload mode, IFA or not, job description.</param>
    /// <param name="cancellationToken">Cancels the upload between requests.</param>
    /// <exception cref="ArgumentException">No valid id is left, or the name is too long; nothing was sent.</exception>
    public virtual async Task<AudienceUploadResult> UploadAudienceAsync(
        string description, IEnumerable<string> userIds, AudienceUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        AudienceLimits.CheckDescription(description, nameof(description));
        options ??= new AudienceUploadOptions();
        var (valid, rejected) = AudienceIds.Sort(userIds, options.IsIfaAudience);
        if (valid.Count == 0)
        {
            throw new ArgumentException($"userIds: no valid id to upload ({rejected.Count} rejected).", nameof(userIds));
        }

        var mode = Choose(options.Mode, valid.Count);
        var chunk = mode == AudienceUploadMode.Json ? AudienceLimits.JsonIdsPerRequest : AudienceLimits.FileIdsPerRequest;
        var first = valid.Take(chunk).ToArray();
        var created = mode == AudienceUploadMode.Json
            ? await CreateAudienceGroupAsync(
                new CreateAudienceGroupRequest(description, [.. first.Select(id => new AudienceMember(id))])
                {
                    IsIfaAudience = options.IsIfaAudience ? true : null,
                    UploadDescription = options.UploadDescription,
                },
                cancellationToken).ConfigureAwait(false)
            : await CreateAudienceForUploadingUserIdsAsync(
                description, first, options.IsIfaAudience, options.UploadDescription, cancellationToken).ConfigureAwait(false);
        var id = created.Value.AudienceGroupId;
        var requests = 1 + await AddChunksAsync(id, valid, first.Length, mode, options.UploadDescription, cancellationToken).ConfigureAwait(false);
        return new AudienceUploadResult(id, mode, valid.Count, requests, rejected);
    }

    /// <summary>
    /// Adds any number of user ids to an existing audience, split as <see cref="UploadAudienceAsync"/> does. LINE
    /// cannot remove ids from an audience: to shrink one, upload a new audience and delete the old (see docs/platform.md).
    /// </summary>
    /// <param name="audienceGroupId">The audience.</param>
    /// <param name="userIds">The ids to add.</param>
    /// <param name="options">Upload mode and job description.</param>
    /// <param name="cancellationToken">Cancels the upload between requests.</param>
    public virtual async Task<AudienceUploadResult> AddToAudienceAsync(
        long audienceGroupId, IEnumerable<string> userIds, AudienceUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AudienceUploadOptions();
        var (valid, rejected) = AudienceIds.Sort(userIds, options.IsIfaAudience);
        var mode = Choose(options.Mode, valid.Count);
        var requests = await AddChunksAsync(audienceGroupId, valid, 0, mode, options.UploadDescription, cancellationToken).ConfigureAwait(false);
        return new AudienceUploadResult(audienceGroupId, mode, valid.Count, requests, rejected);
    }

    /// <summary>
    /// Polls an audience until it is <see cref="AudienceGroupStatus.Ready"/>, using the client's clock between polls.
    /// </summary>
    /// <param name="audienceGroupId">The audience.</param>
    /// <param name="timeout">How long to wait in all.</param>
    /// <param name="pollInterval">How long between polls (default 10 s).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The ready audience.</returns>
    /// <exception cref="TimeoutException">It was not ready in time; the message says its last status.</exception>
    /// <exception cref="AudienceNotReadyException">It ended FAILED, EXPIRED or INACTIVE; the exception carries the audience, the message says which and why.</exception>
    public virtual async Task<AudienceGroup> WaitForAudienceReadyAsync(
        long audienceGroupId, TimeSpan timeout, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var interval = pollInterval ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(pollInterval));
        var time = Transport.Time;
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var group = (await GetAudienceDataAsync(audienceGroupId, cancellationToken).ConfigureAwait(false)).Value.AudienceGroup;
            if (group.Status == AudienceGroupStatus.Ready)
            {
                return group;
            }

            if (group.Status == AudienceGroupStatus.Failed || group.Status == AudienceGroupStatus.Expired || group.Status == AudienceGroupStatus.Inactive)
            {
                throw new AudienceNotReadyException(group);
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Audience {audienceGroupId} was still {group.Status} after {timeout}.");
            }

            await Task.Delay(left < interval ? left : interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static AudienceUploadMode Choose(AudienceUploadMode requested, int count) => requested switch
    {
        AudienceUploadMode.Auto => count <= AudienceLimits.JsonIdsPerRequest ? AudienceUploadMode.Json : AudienceUploadMode.File,
        _ => requested,
    };

    private async Task<int> AddChunksAsync(
        long audienceGroupId, List<string> ids, int from, AudienceUploadMode mode, string? uploadDescription, CancellationToken cancellationToken)
    {
        var chunk = mode == AudienceUploadMode.Json ? AudienceLimits.JsonIdsPerRequest : AudienceLimits.FileIdsPerRequest;
        var requests = 0;
        for (var start = from; start < ids.Count; start += chunk)
        {
            var part = ids.GetRange(start, Math.Min(chunk, ids.Count - start));
            if (mode == AudienceUploadMode.Json)
            {
                await AddAudienceToAudienceGroupAsync(
                    new AddAudienceToAudienceGroupRequest(audienceGroupId, [.. part.Select(id => new AudienceMember(id))]) { UploadDescription = uploadDescription },
                    cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await AddUserIdsToAudienceAsync(audienceGroupId, part, uploadDescription, cancellationToken).ConfigureAwait(false);
            }

            requests++;
        }

        return requests;
    }
}
