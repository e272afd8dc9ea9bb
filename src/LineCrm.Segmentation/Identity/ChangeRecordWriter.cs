using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Writes one change record: the calls one save made durable, in the layout <see cref="ChangeRecordReader"/> reads.
/// The magic bytes <c>LCIDCHNG</c>, a 32-bit version, the record's sequence number (64 bits), the body's length
/// (64 bits), the body, and the XxHash128 of everything before it. The body: the identifier types and link sources
/// the calls name (each written once, then referred to by number), the calls, the refusal times, and the graph's
/// counts after the calls (identifiers, links, persons, last person number) that a replay must arrive at.
/// </summary>
/// <remarks>
/// The checksum is XxHash128, not the snapshot's SHA-256: it is there to catch damage (a torn or flipped record), and a
/// day's links are hashed on every save; the body is still parsed as untrusted, every count bounded by the bytes left.
/// </remarks>
internal static class ChangeRecordWriter
{
    /// <summary>The layout version written.</summary>
    public const int Version = 1;

    /// <summary>Magic, version, sequence and body length.</summary>
    public const int HeaderLength = 28;

    /// <summary>The XxHash128 at the end.</summary>
    public const int ChecksumLength = 16;

    public static ReadOnlySpan<byte> Magic => "LCIDCHNG"u8;

    public static byte[] Write(long sequence, GraphChange[] changes, DateTimeOffset[] refusalTimes, (int Identifiers, int Links, int Persons, int LastPerson) after)
    {
        var types = new Dictionary<IdentifierType, int>();
        var sources = new Dictionary<LinkSource, int>();
        using var calls = new MemoryStream();
        using (var writer = new BinaryWriter(calls, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(changes.Length);
            foreach (var change in changes)
            {
                writer.Write((byte)change.Kind);
                switch (change.Kind)
                {
                    case GraphChangeKind.AddIdentifier or GraphChangeKind.RemoveIdentifier:
                        WriteIdentifier(writer, change.First, types);
                        break;
                    case GraphChangeKind.Unlink:
                        WriteIdentifier(writer, change.First, types);
                        WriteIdentifier(writer, change.Second, types);
                        break;
                    case GraphChangeKind.AddIdentifiers:
                        writer.Write7BitEncodedInt(change.Identifiers!.Length);
                        foreach (var identifier in change.Identifiers)
                        {
                            WriteIdentifier(writer, identifier, types);
                        }

                        break;
                    case GraphChangeKind.Link:
                        WriteLink(writer, change.Link!, types, sources);
                        break;
                    case GraphChangeKind.AddLinks:
                        writer.Write7BitEncodedInt(change.Links!.Length);
                        foreach (var link in change.Links)
                        {
                            WriteLink(writer, link, types, sources);
                        }

                        break;
                    case GraphChangeKind.Forget:
                        writer.Write7BitEncodedInt64(change.Person);
                        break;
                    case GraphChangeKind.ClearAuditLog:
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown change kind {change.Kind}.");
                }
            }

            writer.Write7BitEncodedInt(refusalTimes.Length);
            foreach (var time in refusalTimes)
            {
                WriteTime(writer, time);
            }

            writer.Write(after.Identifiers);
            writer.Write(after.Links);
            writer.Write(after.Persons);
            writer.Write(after.LastPerson);
        }

        using var record = new MemoryStream((int)Math.Min(int.MaxValue / 2, calls.Length + 256));
        record.Write(Magic);
        Span<byte> numbers = stackalloc byte[20];
        BinaryPrimitives.WriteInt32LittleEndian(numbers, Version);
        BinaryPrimitives.WriteInt64LittleEndian(numbers[4..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(numbers[12..], 0); // the body's length, written over below
        record.Write(numbers);
        var lengthAt = HeaderLength - 8;
        using (var writer = new BinaryWriter(record, Encoding.UTF8, leaveOpen: true))
        {
            // Names by number in the order of first use, which the reader checks (so a name appears once).
            writer.Write7BitEncodedInt(types.Count);
            foreach (var type in types.OrderBy(t => t.Value))
            {
                writer.Write(type.Key.Name);
            }

            writer.Write7BitEncodedInt(sources.Count);
            foreach (var source in sources.OrderBy(s => s.Value))
            {
                writer.Write(source.Key.Name);
            }
        }

        calls.Position = 0;
        calls.CopyTo(record);
        var bytes = new byte[record.Length + ChecksumLength];
        record.Position = 0;
        record.ReadExactly(bytes, 0, (int)record.Length);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan((int)lengthAt), record.Length - HeaderLength);
        XxHash128.Hash(bytes.AsSpan(0, (int)record.Length), bytes.AsSpan((int)record.Length));
        return bytes;
    }

    private static void WriteIdentifier(BinaryWriter writer, Identifier identifier, Dictionary<IdentifierType, int> types)
    {
        if (!types.TryGetValue(identifier.Type, out var type))
        {
            types.Add(identifier.Type, type = types.Count);
        }

        writer.Write7BitEncodedInt(type);
        writer.Write(identifier.Value);
    }

    private static void WriteLink(BinaryWriter writer, IdentityLink link, Dictionary<IdentifierType, int> types, Dictionary<LinkSource, int> sources)
    {
        WriteIdentifier(writer, link.From, types);
        WriteIdentifier(writer, link.To, types);
        WriteTime(writer, link.At);
        if (!sources.TryGetValue(link.Source, out var source))
        {
            sources.Add(link.Source, source = sources.Count);
        }

        writer.Write7BitEncodedInt(source);
    }

    /// <summary>As the snapshot writes a time: UTC ticks and the offset in minutes, so it reads back equal, offset included.</summary>
    internal static void WriteTime(BinaryWriter writer, DateTimeOffset time)
    {
        writer.Write(time.UtcTicks);
        writer.Write((short)time.Offset.TotalMinutes);
    }
}
