using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>One change record read back: its calls, their refusal times and the counts a replay must reach.</summary>
internal sealed record ChangeRecord(long Sequence, GraphChange[] Changes, DateTimeOffset[] RefusalTimes, (int Identifiers, int Links, int Persons, int LastPerson) After);

/// <summary>
/// Reads a record written by <see cref="ChangeRecordWriter"/>, as untrusted bytes: the frame and the checksum first,
/// then the body with every count bounded by the bytes left, so damage or a crafted count fails with
/// <see cref="InvalidDataException"/> (naming the record and the byte) and never allocates more than the record's size.
/// </summary>
internal ref struct ChangeRecordReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly long _sequence;
    private int _at;
    private string _section = "the header";

    private ChangeRecordReader(ReadOnlySpan<byte> bytes, long sequence)
    {
        _bytes = bytes;
        _sequence = sequence;
    }

    /// <summary>Reads the record the store keeps under <paramref name="sequence"/>.</summary>
    /// <exception cref="InvalidDataException">It is not a valid record, or not the record of that sequence number.</exception>
    public static ChangeRecord Read(ReadOnlySpan<byte> bytes, long sequence)
    {
        var reader = new ChangeRecordReader(bytes, sequence);
        return reader.ReadRecord();
    }

    private ChangeRecord ReadRecord()
    {
        if (_bytes.Length < ChangeRecordWriter.HeaderLength + ChangeRecordWriter.ChecksumLength || !_bytes[..8].SequenceEqual(ChangeRecordWriter.Magic))
        {
            throw new InvalidDataException($"The identity graph's change record {_sequence} is not a change record (no LCIDCHNG header in its {_bytes.Length} bytes).");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(_bytes[8..]);
        if (version != ChangeRecordWriter.Version)
        {
            throw new InvalidDataException($"The identity graph's change record {_sequence} is of version {version}; this LineCrm reads version {ChangeRecordWriter.Version}.");
        }

        var bodyLength = BinaryPrimitives.ReadInt64LittleEndian(_bytes[20..]);
        var expected = _bytes.Length - ChangeRecordWriter.HeaderLength - ChangeRecordWriter.ChecksumLength;
        if (bodyLength != expected)
        {
            throw new InvalidDataException($"The identity graph's change record {_sequence} is truncated or damaged: its header gives a body of {bodyLength} bytes and {expected} are there.");
        }

        var end = _bytes.Length - ChangeRecordWriter.ChecksumLength;
        Span<byte> checksum = stackalloc byte[ChangeRecordWriter.ChecksumLength];
        XxHash128.Hash(_bytes[..end], checksum);
        if (!checksum.SequenceEqual(_bytes[end..]))
        {
            throw new InvalidDataException($"The identity graph's change record {_sequence} is damaged: its checksum does not match its {_bytes.Length} bytes.");
        }

        // A valid record kept under another number: out of order, or copied where it does not belong.
        var written = BinaryPrimitives.ReadInt64LittleEndian(_bytes[12..]);
        if (written != _sequence)
        {
            throw new InvalidDataException($"The identity graph's change record stored as {_sequence} was written as record {written}: the journal is out of order.");
        }

        _at = ChangeRecordWriter.HeaderLength;
        var bodyEnd = end;
        _section = "the identifier types";
        var types = new IdentifierType[Count(bodyEnd, minBytesEach: 2)];
        for (var i = 0; i < types.Length; i++)
        {
            var name = ReadString(bodyEnd);
            types[i] = Checked(() => IdentifierType.FromName(name), "an identifier type");
        }

        _section = "the link sources";
        var sources = new LinkSource[Count(bodyEnd, minBytesEach: 2)];
        for (var i = 0; i < sources.Length; i++)
        {
            var name = ReadString(bodyEnd);
            sources[i] = Checked(() => LinkSource.FromName(name), "a link source");
        }

        _section = "the calls";
        var changes = new GraphChange[Count(bodyEnd, minBytesEach: 1)];
        for (var i = 0; i < changes.Length; i++)
        {
            _section = $"call {i}";
            changes[i] = ReadChange(bodyEnd, types, sources);
        }

        _section = "the refusal times";
        var times = new DateTimeOffset[Count(bodyEnd, minBytesEach: 10)];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = ReadTime(bodyEnd);
        }

        _section = "the counts after the calls";
        var after = (ReadInt32(bodyEnd), ReadInt32(bodyEnd), ReadInt32(bodyEnd), ReadInt32(bodyEnd));
        if (_at != bodyEnd)
        {
            throw Invalid($"{bodyEnd - _at} bytes are left over after the body");
        }

        return new ChangeRecord(_sequence, changes, times, after);
    }

    private GraphChange ReadChange(int end, IdentifierType[] types, LinkSource[] sources)
    {
        var kind = (GraphChangeKind)Take(1, end)[0];
        switch (kind)
        {
            case GraphChangeKind.AddIdentifier or GraphChangeKind.RemoveIdentifier:
                return new GraphChange(kind, First: ReadIdentifier(end, types));
            case GraphChangeKind.Unlink:
                var first = ReadIdentifier(end, types);
                var second = ReadIdentifier(end, types);
                return first == second ? throw Invalid($"an unlink of '{first}' from itself") : new GraphChange(kind, First: first, Second: second);
            case GraphChangeKind.AddIdentifiers:
                var identifiers = new Identifier[Count(end, minBytesEach: 2)];
                for (var i = 0; i < identifiers.Length; i++)
                {
                    identifiers[i] = ReadIdentifier(end, types);
                }

                return new GraphChange(kind, Identifiers: identifiers);
            case GraphChangeKind.Link:
                return new GraphChange(kind, Link: ReadLink(end, types, sources));
            case GraphChangeKind.AddLinks:
                var links = new IdentityLink[Count(end, minBytesEach: 15)];
                for (var i = 0; i < links.Length; i++)
                {
                    links[i] = ReadLink(end, types, sources);
                }

                return new GraphChange(kind, Links: links);
            case GraphChangeKind.Forget:
                var person = Read7BitEncodedInt64(end);
                return person <= 0 ? throw Invalid($"person number {person}") : new GraphChange(kind, Person: person);
            case GraphChangeKind.ClearAuditLog:
                return new GraphChange(kind);
            default:
                throw Invalid($"unknown call kind {(byte)kind}");
        }
    }

    private Identifier ReadIdentifier(int end, IdentifierType[] types)
    {
        var type = Read7BitEncodedInt(end);
        if (type >= types.Length)
        {
            throw Invalid($"identifier type number {type} of {types.Length}");
        }

        var value = ReadString(end);
        try
        {
            return new Identifier(types[type], value);
        }
        catch (ArgumentException e)
        {
            throw Invalid($"an identifier that is not valid ({e.Message})");
        }
    }

    private IdentityLink ReadLink(int end, IdentifierType[] types, LinkSource[] sources)
    {
        var from = ReadIdentifier(end, types);
        var to = ReadIdentifier(end, types);
        var at = ReadTime(end);
        var source = Read7BitEncodedInt(end);
        if (source >= sources.Length)
        {
            throw Invalid($"link source number {source} of {sources.Length}");
        }

        try
        {
            return new IdentityLink(from, to, at, sources[source]);
        }
        catch (ArgumentException e)
        {
            throw Invalid($"a link that is not valid ({e.Message})");
        }
    }

    private DateTimeOffset ReadTime(int end)
    {
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(Take(8, end));
        var minutes = BinaryPrimitives.ReadInt16LittleEndian(Take(2, end));
        try
        {
            return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(minutes));
        }
        catch (ArgumentException e)
        {
            throw Invalid($"a time that is not valid ({e.Message})");
        }
    }

    private int ReadInt32(int end) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, end));

    /// <summary>A count of things each at least <paramref name="minBytesEach"/> long, bounded by the bytes left.</summary>
    private int Count(int end, int minBytesEach)
    {
        var count = Read7BitEncodedInt(end);
        return (long)count * minBytesEach > end - _at
            ? throw Invalid($"a count of {count} that {end - _at} remaining bytes cannot hold")
            : count;
    }

    private string ReadString(int end)
    {
        var length = Read7BitEncodedInt(end);
        var bytes = Take(length, end);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid("text that is not UTF-8");
        }
    }

    private int Read7BitEncodedInt(int end)
    {
        var value = Read7BitEncodedInt64(end);
        return value > int.MaxValue ? throw Invalid($"a number {value} too large") : (int)value;
    }

    private long Read7BitEncodedInt64(int end)
    {
        ulong result = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            var b = Take(1, end)[0];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (long)result;
            }
        }

        throw Invalid("a number longer than 9 bytes");
    }

    private ReadOnlySpan<byte> Take(int count, int end)
    {
        if (count < 0 || count > end - _at)
        {
            throw new InvalidDataException($"The identity graph's change record {_sequence} is not valid at {_section} (byte {_at}): it needs {count} more bytes and {end - _at} are left.");
        }

        var taken = _bytes.Slice(_at, count);
        _at += count;
        return taken;
    }

    private readonly T Checked<T>(Func<T> make, string what)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            throw Invalid($"{what} that is not valid ({e.Message})");
        }
    }

    private readonly InvalidDataException Invalid(string problem)
        => new($"The identity graph's change record {_sequence} is not valid at {_section} (byte {_at}): {problem}.");
}
