using System.Text;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// The frame of a snapshot: the magic bytes <c>LCIDGRPH</c>, a 32-bit version (1), the body written by
/// <see cref="GraphState.WriteBody"/>, and the SHA-256 of everything before it. Reading checks each part and
/// fails with an <see cref="InvalidDataException"/> that says where.
/// </summary>
internal static class GraphSnapshot
{
    public const int Version = 1;

    private static ReadOnlySpan<byte> Magic => "LCIDGRPH"u8;

    public static void Write(GraphState state, Stream destination)
    {
        byte[] checksum;
        using (var hashing = new HashingStream(destination, writing: true))
        {
            // Not disposed: that would dispose the hashing stream before its hash is taken (it leaves destination open).
            var buffered = new BufferedStream(hashing, 1 << 16);
            using (var writer = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Version);
                state.WriteBody(writer);
            }

            buffered.Flush();
            checksum = hashing.GetHash();
        }

        destination.Write(checksum);
        destination.Flush();
    }

    public static GraphState Read(Stream source, CompiledRules rules)
    {
        var buffered = new BufferedStream(source, 1 << 16);
        using var hashing = new HashingStream(buffered, writing: false);
        using var reader = new BinaryReader(hashing, Encoding.UTF8, leaveOpen: true);
        var cursor = new SnapshotCursor(hashing);
        try
        {
            cursor.Section = "the header";
            Span<byte> magic = stackalloc byte[Magic.Length];
            if (reader.Read(magic) != magic.Length || !magic.SequenceEqual(Magic))
            {
                throw cursor.Invalid("it does not start with 'LCIDGRPH': this is not an identity graph snapshot");
            }

            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw cursor.Invalid($"its version is {version} and this LineCrm reads version {Version}");
            }

            var state = GraphState.ReadBody(reader, rules, cursor);
            cursor.Section = "the checksum";
            var expected = hashing.GetHash();
            Span<byte> actual = stackalloc byte[expected.Length];
            buffered.ReadExactly(actual);
            if (!actual.SequenceEqual(expected))
            {
                throw cursor.Invalid("the checksum does not match: the snapshot is corrupted");
            }

            return state;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"The identity graph snapshot is truncated: it ended in {cursor.Section} (after {hashing.Position} bytes).", e);
        }
        catch (DecoderFallbackException e)
        {
            throw cursor.Invalid($"a text is not valid UTF-8 ({e.Message})");
        }
    }
}

/// <summary>Where a snapshot reader is, for error messages.</summary>
internal sealed class SnapshotCursor(HashingStream stream)
{
    public string Section { get; set; } = "the header";

    public InvalidDataException Invalid(string problem)
        => new($"The identity graph snapshot is not valid at {Section} (byte {stream.Position}): {problem}.");
}
