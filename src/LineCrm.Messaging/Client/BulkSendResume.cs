namespace LineCrm.Messaging.Client;

/// <summary>
/// Joins a stored job with the same job planned again after a restart: the stored header and chunks win (they are
/// what was, or may have been, sent), and recipients of the new plan that no stored chunk holds become new chunks
/// after the stored ones. A chunk is stored before it is sent, so a recipient in no stored chunk was never sent to.
/// </summary>
internal static class BulkSendResume
{
    public static BulkSendJob Merge(BulkSendJob stored, BulkSendJob planned)
    {
        var chunkSize = planned.Chunks.Count == 0 ? LineMessagingClient.MaxMulticastRecipients : planned.Chunks.Max(chunk => chunk.UserIds.Count);
        var storedChunks = stored.Chunks.OrderBy(chunk => chunk.Index).ToArray();
        var covered = new HashSet<string>(storedChunks.SelectMany(chunk => chunk.UserIds), StringComparer.Ordinal);
        var rest = planned.Chunks.SelectMany(chunk => chunk.UserIds).Where(covered.Add).ToArray();
        var next = storedChunks.Length == 0 ? 0 : storedChunks[^1].Index + 1;
        var added = rest.Chunk(chunkSize).Select((ids, i) => new BulkSendChunk(next + i, Guid.NewGuid(), ids));
        return stored with { Chunks = [.. storedChunks, .. added] };
    }
}

