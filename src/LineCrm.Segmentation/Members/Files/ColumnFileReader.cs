using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace LineCrm.Segmentation.Members.Files;

/// <summary>
/// Reads what <see cref="ColumnFileWriter"/> wrote, checking each section's frame before it allocates and its hash
/// before anything is built from it. Every kind of damage (another file, an unknown version, a wrong section, a
/// length the stream cannot hold, a truncation, a hash mismatch) is an <see cref="InvalidDataException"/> that
/// names the byte.
/// </summary>
internal sealed class ColumnFileReader
{
    // On a stream that cannot tell its length, a section grows as its bytes arrive, from this many bytes, so a
    // damaged length costs at most about twice the bytes that are really there.
    private const int FirstChunkBytes = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _source;
    private readonly string _what;
    private readonly long _length;
    private readonly CancellationToken _cancellationToken;

    private ColumnFileReader(Stream source, ReadOnlySpan<byte> magic, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(source));
        }

        ColumnFile.RequireLittleEndian();
        _source = source;
        _what = what;
        _cancellationToken = cancellationToken;
        _length = source.CanSeek ? source.Length - source.Position : -1;
        Span<byte> header = stackalloc byte[ColumnFile.HeaderLength];
        if (!TryFill(header) || !header[..magic.Length].SequenceEqual(magic))
        {
            throw ColumnFile.Damaged(what, 0, $"it does not start with the magic bytes '{Encoding.ASCII.GetString(magic)}', so it is not a {what}");
        }

        Version = BinaryPrimitives.ReadInt32LittleEndian(header[magic.Length..]);
    }

    /// <summary>A reader of a file that must be of <paramref name="version"/>, the one version its reader reads.</summary>
    public static ColumnFileReader Open(Stream source, ReadOnlySpan<byte> magic, string what, int version, CancellationToken cancellationToken = default) =>
        Open(source, magic, what, version, version, cancellationToken);

    /// <summary>Opens a file of any version from <paramref name="oldestVersion"/> to <paramref name="newestVersion"/> (<see cref="Version"/> says which).</summary>
    public static ColumnFileReader Open(Stream source, ReadOnlySpan<byte> magic, string what, int oldestVersion, int newestVersion, CancellationToken cancellationToken = default)
    {
        var reader = new ColumnFileReader(source, magic, what, cancellationToken);
        if (reader.Version < oldestVersion || reader.Version > newestVersion)
        {
            var reads = oldestVersion == newestVersion ? $"version {newestVersion}" : $"versions {oldestVersion} to {newestVersion}";
            throw ColumnFile.Damaged(what, magic.Length, $"its version is {reader.Version}; this library reads {reads}");
        }

        return reader;
    }

    /// <summary>The format version in the header.</summary>
    public int Version { get; }

    /// <summary>How many bytes have been read.</summary>
    public long Position { get; private set; }

    /// <summary>Reads a section that must be of <paramref name="kind"/> and holds values of <typeparamref name="T"/>.</summary>
    public T[] ReadColumn<T>(int kind, string name)
        where T : unmanaged
    {
        var size = Marshal.SizeOf<T>();
        var start = Position;
        var length = ReadFrame(kind, name);
        if (length % size != 0)
        {
            throw ColumnFile.Damaged(_what, start, $"the {name} section is {length} bytes long, which is not a whole number of {size}-byte values");
        }

        if (length / size > Array.MaxLength)
        {
            throw ColumnFile.Damaged(_what, start, $"the {name} section claims {length / size} values, more than an array can hold");
        }

        var count = (int)(length / size);
        var values = _length >= 0 ? new T[count] : new T[Math.Min(count, Math.Max(1, FirstChunkBytes / size))];
        var hash = new XxHash3();
        var filled = 0;
        while (filled < count)
        {
            if (filled == values.Length)
            {
                Array.Resize(ref values, (int)Math.Min(count, (long)values.Length * 2));
            }

            var chunk = MemoryMarshal.AsBytes(values.AsSpan(filled));
            if (!TryFill(chunk))
            {
                throw ColumnFile.Damaged(_what, Position, $"the file ends inside the {name} section");
            }

            hash.Append(chunk);
            filled = values.Length;
        }

        CheckHash(hash, name, start);
        return values;
    }

    /// <summary>Reads a section of strings written by <see cref="ColumnFileWriter.WriteStrings"/>.</summary>
    public List<string> ReadStrings(int kind, string name)
    {
        var start = Position;
        var bytes = ReadColumn<byte>(kind, name);
        var payload = start + sizeof(int) + sizeof(long);
        if (bytes.Length < sizeof(int))
        {
            throw ColumnFile.Damaged(_what, payload, $"the {name} section is too short to hold its count");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var at = sizeof(int);
        if (count < 0 || count > (bytes.Length - at) / sizeof(int))
        {
            throw ColumnFile.Damaged(_what, payload, $"the {name} section claims {count} strings in {bytes.Length} bytes");
        }

        var strings = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (bytes.Length - at < sizeof(int))
            {
                throw ColumnFile.Damaged(_what, payload + at, $"string {i} of the {name} section has no length");
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            at += sizeof(int);
            if (length < 0 || length > bytes.Length - at)
            {
                throw ColumnFile.Damaged(_what, payload + at, $"string {i} of the {name} section claims {length} bytes");
            }

            try
            {
                strings.Add(StrictUtf8.GetString(bytes, at, length));
            }
            catch (DecoderFallbackException)
            {
                throw ColumnFile.Damaged(_what, payload + at, $"string {i} of the {name} section is not UTF-8");
            }

            at += length;
        }

        if (at != bytes.Length)
        {
            throw ColumnFile.Damaged(_what, payload + at, $"the {name} section has {bytes.Length - at} bytes after its last string");
        }

        return strings;
    }

    /// <summary>Checks that nothing follows the last section (a file appended to another, or garbage).</summary>
    public void ReadEnd()
    {
        Span<byte> one = stackalloc byte[1];
        if (_source.Read(one) != 0)
        {
            throw ColumnFile.Damaged(_what, Position, "bytes follow the last section");
        }
    }

    private long ReadFrame(int kind, string name)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var start = Position;
        Span<byte> frame = stackalloc byte[sizeof(int) + sizeof(long)];
        if (!TryFill(frame))
        {
            throw ColumnFile.Damaged(_what, start, $"the file ends before the {name} section");
        }

        var found = BinaryPrimitives.ReadInt32LittleEndian(frame);
        if (found != kind)
        {
            throw ColumnFile.Damaged(_what, start, $"expected the {name} section (kind {kind}), found kind {found}");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(frame[sizeof(int)..]);
        if (length < 0 || (_length >= 0 && length > _length - Position - sizeof(ulong)))
        {
            throw ColumnFile.Damaged(_what, start, $"the {name} section claims {length} bytes, more than the file holds");
        }

        return length;
    }

    private void CheckHash(XxHash3 hash, string name, long start)
    {
        Span<byte> stored = stackalloc byte[sizeof(ulong)];
        if (!TryFill(stored))
        {
            throw ColumnFile.Damaged(_what, Position, $"the file ends before the hash of the {name} section");
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(stored) != hash.GetCurrentHashAsUInt64())
        {
            throw ColumnFile.Damaged(_what, start, $"the {name} section does not match its hash");
        }
    }

    private bool TryFill(Span<byte> buffer)
    {
        var read = _source.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        Position += read;
        return read == buffer.Length;
    }
}
