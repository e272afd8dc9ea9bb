using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Reads the body of a snapshot from a stream that holds at most <see cref="Remaining"/> more bytes of it, and never
/// reads a byte past them. Every count it hands out is bounded by those bytes (<see cref="Count"/>), and every
/// string by them too, so a damaged or crafted number can make a load fail but never allocate more than the bytes
/// that are there. Every failure is an <see cref="InvalidDataException"/> naming the part and the byte.
/// </summary>
internal sealed class SnapshotReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _source;
    private readonly long _offset;
    private readonly long _limit;
    private readonly IncrementalHash? _hash;
    private readonly byte[] _buffer;
    private byte[] _text = new byte[256];
    private long _filled;
    private int _start;
    private int _end;
    private int _hashedUpTo;

    /// <param name="source">The stream, positioned at the first byte to read.</param>
    /// <param name="limit">How many bytes of the stream belong to what is read (never read past).</param>
    /// <param name="offset">Where the first byte lies in the snapshot, for messages.</param>
    /// <param name="hash">When not null, every byte read is appended to it (in order).</param>
    public SnapshotReader(Stream source, long limit, long offset, IncrementalHash? hash = null)
    {
        _source = source;
        _limit = limit;
        _offset = offset;
        _hash = hash;
        _buffer = new byte[(int)Math.Clamp(limit, 16, 1 << 16)];
    }

    /// <summary>The part being read, for messages.</summary>
    public string Section { get; set; } = "the header";

    /// <summary>Bytes read so far.</summary>
    public long Position => _filled - (_end - _start);

    /// <summary>Bytes left to read.</summary>
    public long Remaining => _limit - Position;

    /// <summary>Where the reader is in the snapshot, counting from its first byte.</summary>
    public long SnapshotPosition => _offset + Position;

    public InvalidDataException Invalid(string problem)
        => new($"The identity graph snapshot is not valid at {Section} (byte {SnapshotPosition}): {problem}.");

    public InvalidDataException Truncated()
        => new($"The identity graph snapshot is truncated: it ended in {Section} (at byte {_offset + _filled}).");

    /// <summary>The hash of every byte read so far (only with a hash).</summary>
    public byte[] GetHash()
    {
        HashConsumed();
        return _hash!.GetHashAndReset();
    }

    public byte ReadByte()
    {
        if (_start == _end)
        {
            Fill(1);
        }

        return _buffer[_start++];
    }

    public bool ReadBoolean() => ReadByte() != 0;

    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>Reads bytes that must all be there.</summary>
    public void ReadExactly(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_start == _end)
            {
                Fill(1);
            }

            var count = Math.Min(destination.Length, _end - _start);
            _buffer.AsSpan(_start, count).CopyTo(destination);
            _start += count;
            destination = destination[count..];
        }
    }

    /// <summary>A number written by <see cref="BinaryWriter.Write7BitEncodedInt"/>.</summary>
    public int Read7BitEncodedInt()
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var part = ReadByte();
            if (shift == 28 && part > 0b1111)
            {
                throw Invalid("a number is malformed (more than 32 bits)");
            }

            result |= (uint)(part & 0x7F) << shift;
            if (part < 0x80)
            {
                return (int)result;
            }
        }

        throw Invalid("a number is malformed (more than 32 bits)");
    }

    /// <summary>A number written by <see cref="BinaryWriter.Write7BitEncodedInt64"/>.</summary>
    public long Read7BitEncodedInt64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var part = ReadByte();
            if (shift == 63 && part > 1)
            {
                break;
            }

            result |= (ulong)(part & 0x7F) << shift;
            if (part < 0x80)
            {
                return (long)result;
            }
        }

        throw Invalid("a number is malformed (more than 64 bits)");
    }

    /// <summary>
    /// A count of entries, from 0 to <paramref name="max"/>, of which each takes at least
    /// <paramref name="minBytesEach"/> bytes of what remains: a count the remaining bytes cannot hold is refused before
    /// anything is allocated for it.
    /// </summary>
    public int Count(int max, int minBytesEach)
    {
        var value = Read7BitEncodedInt();
        if (value < 0 || value > max)
        {
            throw Invalid($"the number {value} is out of range (0 to {max})");
        }

        if (minBytesEach > 0 && value > Remaining / minBytesEach)
        {
            throw Invalid($"it claims {value} entries of at least {minBytesEach} bytes each, but only {Remaining} bytes remain");
        }

        return value;
    }

    /// <summary>A string written by <see cref="BinaryWriter.Write(string)"/> (its UTF-8 length, then its UTF-8 bytes), which must be valid UTF-8.</summary>
    public string ReadString()
    {
        var length = Read7BitEncodedInt();
        if (length < 0 || length > Remaining)
        {
            throw Invalid($"a text claims {length} bytes, but only {Remaining} remain");
        }

        if (length <= _end - _start)
        {
            var text = Decode(_buffer.AsSpan(_start, length));
            _start += length;
            return text;
        }

        if (_text.Length < length)
        {
            _text = new byte[Math.Max(length, _text.Length * 2)];
        }

        ReadExactly(_text.AsSpan(0, length));
        return Decode(_text.AsSpan(0, length));
    }

    private string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw Invalid($"a text is not valid UTF-8 ({e.Message})");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_end - _start < count)
        {
            Fill(count);
        }

        var span = _buffer.AsSpan(_start, count);
        _start += count;
        return span;
    }

    // Makes at least `needed` bytes available (needed <= 16), reading no further than the limit.
    private void Fill(int needed)
    {
        HashConsumed();
        var kept = _end - _start;
        _buffer.AsSpan(_start, kept).CopyTo(_buffer);
        _start = 0;
        _end = kept;
        _hashedUpTo = 0;
        while (_end < needed)
        {
            var room = (int)Math.Min(_buffer.Length - _end, _limit - _filled);
            var read = room <= 0 ? 0 : _source.Read(_buffer, _end, room);
            if (read <= 0)
            {
                throw Truncated();
            }

            _end += read;
            _filled += read;
        }
    }

    private void HashConsumed()
    {
        if (_hash is not null && _start > _hashedUpTo)
        {
            _hash.AppendData(_buffer, _hashedUpTo, _start - _hashedUpTo);
        }

        _hashedUpTo = _start;
    }
}
