using System.Collections.Concurrent;

namespace LineCrm.Messaging.Testing;

public sealed partial class FakeLinePlatform
{
    /// <summary>What users sent (images, videos, audio, files), by message id; tests add to it.</summary>
    public ConcurrentDictionary<string, FakeMessageContent> MessageContents { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The content of one message a user sent. The fake streams it in chunks; a test can hold the stream after
/// <see cref="HoldAfter"/> bytes (until <see cref="Release"/> completes) to show a client reads it as it arrives.
/// </summary>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">Their type, for example <c>video/mp4</c>.</param>
public sealed class FakeMessageContent(byte[] Content, string ContentType)
{
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytesWritten;

    /// <summary>The bytes.</summary>
    public byte[] Content { get; } = Content;

    /// <summary>Their type.</summary>
    public string ContentType { get; } = ContentType;

    /// <summary>A preview image (images and videos); <c>getMessageContentPreview</c> answers 404 when null.</summary>
    public byte[]? Preview { get; set; }

    /// <summary>
    /// What <c>getMessageContentTranscodingByMessageId</c> answers: processing, succeeded or failed (or anything). While
    /// it is processing, <c>getMessageContent</c> answers 202 Accepted with no body, as LINE does.
    /// </summary>
    public string Transcoding { get; set; } = "succeeded";

    /// <summary>Stop writing after this many bytes until <see cref="Release"/> completes; null writes straight through.</summary>
    public int? HoldAfter { get; set; }

    /// <summary>Lets a held download go on.</summary>
    public Task Release { get; set; } = Task.CompletedTask;

    /// <summary>Completes when the fake has written <see cref="HoldAfter"/> bytes and is waiting for <see cref="Release"/>.</summary>
    public Task Held => _held.Task;

    /// <summary>Completes when the client went away before the whole body was written.</summary>
    public Task Aborted => _aborted.Task;

    /// <summary>Bytes written to the network so far (all downloads together).</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Deterministic pseudo-random bytes, so a test can make several MB and compare them.</summary>
    /// <param name="length">How many.</param>
    /// <param name="seed">The seed.</param>
    public static byte[] Generate(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    internal async Task WriteAsync(Stream body, CancellationToken cancellationToken)
    {
        const int Chunk = 64 * 1024;
        try
        {
            var offset = 0;
            while (offset < Content.Length)
            {
                var end = Math.Min(Content.Length, offset + Chunk);
                if (HoldAfter is { } hold && offset < hold && end > hold)
                {
                    end = hold;
                }

                await body.WriteAsync(Content.AsMemory(offset, end - offset), cancellationToken).ConfigureAwait(false);
                await body.FlushAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _bytesWritten, end - offset);
                offset = end;
                if (offset == HoldAfter)
                {
                    _held.TrySetResult();
                    await Release.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            _aborted.TrySetResult();
            throw;
        }
    }
}
