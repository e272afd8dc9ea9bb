using System.Buffers;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// A request body read into a pooled buffer, never past a size limit. The bytes stay exactly as received, which
/// the signature check needs.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory => _buffer is null ? throw new ObjectDisposedException(nameof(RequestBody)) : _buffer.AsMemory(0, _length);

    /// <summary>Reads the whole stream, or returns null as soon as it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<RequestBody?> ReadAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        var cap = (int)Math.Min(limit, Array.MaxLength - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(cap + 1, 16 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > cap)
                    {
                        break;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > cap)
                {
                    break;
                }
            }

            if (length > cap)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }

            return new RequestBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
