using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace LineCrm.Segmentation.Members.Files;

/// <summary>
/// Writes the store's file format: eight magic bytes and a version, then sections, each a kind, a byte length, the
/// payload and the XxHash3 of the payload. A section's length comes before its payload, so the writer needs no
/// seeking and a reader can bound what it allocates before it reads. Little-endian throughout.
/// </summary>
internal sealed class ColumnFileWriter
{
    private const int BufferSize = 1 << 16;

    private readonly Stream _destination;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly XxHash3 _hash = new();
    private readonly CancellationToken _cancellationToken;
    private int _buffered;
    private long _sectionRemaining = -1;

    public ColumnFileWriter(Stream destination, ReadOnlySpan<byte> magic, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written to.", nameof(destination));
        }

        ColumnFile.RequireLittleEndian();
        _destination = destination;
        _cancellationToken = cancellationToken;
        magic.CopyTo(_buffer);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(magic.Length), version);
        _buffered = magic.Length + sizeof(int);
    }

    /// <summary>Writes a whole section of one column.</summary>
    public void WriteColumn<T>(int kind, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        BeginSection(kind, bytes.Length);
        Append(values);
        EndSection();
    }

    /// <summary>Writes a section of strings: a count, then each as a byte length and UTF-8.</summary>
    public void WriteStrings(int kind, IReadOnlyList<string> values)
    {
        long length = sizeof(int);
        foreach (var value in values)
        {
            length += sizeof(int) + Encoding.UTF8.GetByteCount(value);
        }

        BeginSection(kind, length);
        Append<int>([values.Count]);
        foreach (var value in values)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Append<int>([bytes.Length]);
            Append<byte>(bytes);
        }

        EndSection();
    }

    /// <summary>Starts a section whose payload is exactly <paramref name="length"/> bytes, given by <see cref="Append"/>.</summary>
    public void BeginSection(int kind, long length)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_sectionRemaining >= 0)
        {
            throw new InvalidOperationException("A section is already open.");
        }

        Span<byte> header = stackalloc byte[sizeof(int) + sizeof(long)];
        BinaryPrimitives.WriteInt32LittleEndian(header, kind);
        BinaryPrimitives.WriteInt64LittleEndian(header[sizeof(int)..], length);
        Buffer(header);
        _hash.Reset();
        _sectionRemaining = length;
    }

    /// <summary>Appends part of the open section's payload.</summary>
    public void Append<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        if (bytes.Length > _sectionRemaining)
        {
            throw new InvalidOperationException($"The section was declared {_sectionRemaining} bytes shorter than what is appended.");
        }

        _sectionRemaining -= bytes.Length;
        _hash.Append(bytes);
        if (bytes.Length >= BufferSize)
        {
            Flush();
            _destination.Write(bytes);
        }
        else
        {
            Buffer(bytes);
        }
    }

    /// <summary>Ends the open section with the hash of its payload.</summary>
    public void EndSection()
    {
        if (_sectionRemaining != 0)
        {
            throw new InvalidOperationException($"The section is {_sectionRemaining} bytes short of its declared length.");
        }

        Span<byte> hash = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(hash, _hash.GetCurrentHashAsUInt64());
        Buffer(hash);
        _sectionRemaining = -1;
    }

    /// <summary>Writes what is buffered to the stream and flushes it.</summary>
    public void Complete()
    {
        if (_sectionRemaining >= 0)
        {
            throw new InvalidOperationException("A section is still open.");
        }

        Flush();
        _destination.Flush();
    }

    private void Buffer(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_buffered == BufferSize)
            {
                Flush();
            }

            var n = Math.Min(bytes.Length, BufferSize - _buffered);
            bytes[..n].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += n;
            bytes = bytes[n..];
        }
    }

    private void Flush()
    {
        if (_buffered > 0)
        {
            _destination.Write(_buffer, 0, _buffered);
            _buffered = 0;
        }
    }
}
