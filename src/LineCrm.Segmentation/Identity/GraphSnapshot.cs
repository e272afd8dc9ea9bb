using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// The frame of a snapshot. Version 2: the magic bytes <c>LCIDGRPH</c>, a 32-bit version, the body's length in bytes
/// (64 bits), the body written by <see cref="GraphState.WriteBody"/>, and the SHA-256 of the body. The length comes
/// first so that a reader can verify the checksum before it parses a byte of the body: damage anywhere is refused
/// before anything is allocated for what a damaged count claims. Version 1 (no length; a SHA-256 of everything
/// before it at the end) is still read, with every count bounded by the bytes that remain.
/// </summary>
internal static class GraphSnapshot
{
    /// <summary>The version written.</summary>
    public const int Version = 2;

    /// <summary>The version before the body length went into the header; still read.</summary>
    public const int Version1 = 1;

    /// <summary>Magic, version and body length.</summary>
    public const int HeaderLength = 20;

    private const int ChecksumLength = 32;

    private static ReadOnlySpan<byte> Magic => "LCIDGRPH"u8;

    public static void Write(GraphState state, Stream destination)
    {
        var seekable = destination.CanSeek;
        var start = seekable ? destination.Position : 0;

        // A stream that cannot seek gets the length from a first pass that only counts; one that can gets it
        // written over once the body is out.
        var length = seekable ? 0 : Measure(state);
        Span<byte> header = stackalloc byte[HeaderLength];
        WriteHeader(header, length);
        destination.Write(header);

        byte[] checksum;
        long written;
        using (var hashing = new HashingStream(destination, writing: true))
        {
            // Not disposed: that would dispose the hashing stream before its hash is taken (it leaves destination open).
            var buffered = new BufferedStream(hashing, 1 << 16);
            using (var writer = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true))
            {
                state.WriteBody(writer);
            }

            buffered.Flush();
            written = hashing.Position;
            checksum = hashing.GetHash();
        }

        if (!seekable && written != length)
        {
            throw new InvalidOperationException($"The identity graph changed while it was being saved ({length} bytes counted, {written} written); saving must not run alongside a write.");
        }

        destination.Write(checksum);
        if (seekable)
        {
            var end = destination.Position;
            WriteHeader(header, written);
            destination.Position = start;
            destination.Write(header);
            destination.Position = end;
        }

        destination.Flush();
    }

    public static GraphState Read(Stream source, CompiledRules rules, int auditCapacity)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        var got = source.ReadAtLeast(header[..12], 12, throwOnEndOfStream: false);
        if (got < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
        {
            throw got < Magic.Length && header[..got].SequenceEqual(Magic[..got])
                ? new InvalidDataException($"The identity graph snapshot is truncated: it ended in the header (at byte {got}).")
                : new InvalidDataException("The identity graph snapshot is not valid at the header (byte 0): it does not start with 'LCIDGRPH': this is not an identity graph snapshot.");
        }

        if (got < 12)
        {
            throw new InvalidDataException($"The identity graph snapshot is truncated: it ended in the header (at byte {got}).");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version == Version1)
        {
            return ReadVersion1(source, header[..12], rules, auditCapacity);
        }

        if (version != Version)
        {
            throw new InvalidDataException($"The identity graph snapshot is not valid at the header (byte 8): its version is {version} and this LineCrm reads versions {Version1} and {Version}.");
        }

        got += source.ReadAtLeast(header[12..], 8, throwOnEndOfStream: false);
        if (got < HeaderLength)
        {
            throw new InvalidDataException($"The identity graph snapshot is truncated: it ended in the header (at byte {got}).");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(header[12..]);
        if (length < 0)
        {
            throw new InvalidDataException($"The identity graph snapshot is not valid at the header (byte 12): its body length is {length}.");
        }

        return source.CanSeek ? ReadSeekable(source, length, rules, auditCapacity) : ReadBuffered(source, length, rules, auditCapacity);
    }

    // Hashes the body where it lies, then goes back and parses it.
    private static GraphState ReadSeekable(Stream source, long length, CompiledRules rules, int auditCapacity)
    {
        var start = source.Position;
        var available = source.Length - start;
        if (available < length + ChecksumLength)
        {
            throw new InvalidDataException(available < length
                ? $"The identity graph snapshot is truncated: it ended in the body (at byte {HeaderLength + available}), whose header gives it {length} bytes."
                : $"The identity graph snapshot is truncated: it ended in the checksum (at byte {HeaderLength + available}).");
        }

        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var chunk = new byte[(int)Math.Clamp(length, 16, 1 << 16)];
            for (var left = length; left > 0;)
            {
                var count = (int)Math.Min(chunk.Length, left);
                source.ReadExactly(chunk, 0, count);
                hash.AppendData(chunk, 0, count);
                left -= count;
            }

            CheckSum(source, hash.GetHashAndReset(), HeaderLength + length);
        }

        source.Position = start;
        var state = Parse(source, length, rules, auditCapacity);
        source.Position = start + length + ChecksumLength;
        return state;
    }

    // Reads the body into memory as it arrives (a damaged length costs at most a chunk more), hashing it, then parses it.
    private static GraphState ReadBuffered(Stream source, long length, CompiledRules rules, int auditCapacity)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var body = SnapshotBuffer.ReadFrom(source, length, hash);
        if (body.Length < length)
        {
            throw new InvalidDataException($"The identity graph snapshot is truncated: it ended in the body (at byte {HeaderLength + body.Length}), whose header gives it {length} bytes.");
        }

        CheckSum(source, hash.GetHashAndReset(), HeaderLength + length);
        return Parse(body, length, rules, auditCapacity);
    }

    private static void CheckSum(Stream source, byte[] expected, long at)
    {
        Span<byte> actual = stackalloc byte[ChecksumLength];
        var got = source.ReadAtLeast(actual, ChecksumLength, throwOnEndOfStream: false);
        if (got < ChecksumLength)
        {
            throw new InvalidDataException($"The identity graph snapshot is truncated: it ended in the checksum (at byte {at + got}).");
        }

        if (!actual.SequenceEqual(expected))
        {
            throw new InvalidDataException($"The identity graph snapshot is not valid at the checksum (byte {at}): the checksum does not match: the snapshot is corrupted.");
        }
    }

    // The checksum is right: parse, with every count still bounded by the body's bytes (a checksum is no signature).
    private static GraphState Parse(Stream body, long length, CompiledRules rules, int auditCapacity)
    {
        var reader = new SnapshotReader(body, length, HeaderLength);
        var state = Guarded(reader, () => GraphState.ReadBody(reader, rules, Version, auditCapacity));
        if (reader.Remaining != 0)
        {
            throw reader.Invalid($"{reader.Remaining} bytes are left over after the audit log");
        }

        return state;
    }

    // Version 1 has no length: the rest of the stream is read (kept in memory when it cannot seek), every count is
    // bounded by it, and the checksum is checked after the body as version 1 readers did.
    private static GraphState ReadVersion1(Stream source, ReadOnlySpan<byte> header, CompiledRules rules, int auditCapacity)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(header);
        var body = source.CanSeek ? source : SnapshotBuffer.ReadFrom(source, long.MaxValue, null);
        var remaining = source.CanSeek ? source.Length - source.Position : body.Length;
        var reader = new SnapshotReader(body, remaining, header.Length, hash);
        var state = Guarded(reader, () => GraphState.ReadBody(reader, rules, Version1, auditCapacity));
        reader.Section = "the checksum";
        var expected = reader.GetHash();
        Span<byte> actual = stackalloc byte[ChecksumLength];
        reader.ReadExactly(actual);
        if (!actual.SequenceEqual(expected))
        {
            throw reader.Invalid("the checksum does not match: the snapshot is corrupted");
        }

        return state;
    }

    // The body's own checks throw InvalidDataException; this is the net under them for a limit of the graph itself
    // (more identifier types or identifiers than a graph holds) reached by a snapshot's contents.
    private static GraphState Guarded(SnapshotReader reader, Func<GraphState> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw reader.Invalid($"{e.GetType().Name}: {e.Message}");
        }
    }

    private static long Measure(GraphState state)
    {
        using var counting = new CountingStream();
        using (var writer = new BinaryWriter(counting, Encoding.UTF8, leaveOpen: true))
        {
            state.WriteBody(writer);
        }

        return counting.Position;
    }

    private static void WriteHeader(Span<byte> header, long length)
    {
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], length);
    }

    /// <summary>Counts what is written to it and keeps none of it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _count;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _count;

        public override long Position
        {
            get => _count;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _count += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _count += buffer.Length;

        public override void WriteByte(byte value) => _count++;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
