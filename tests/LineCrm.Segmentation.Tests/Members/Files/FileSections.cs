using System.Buffers.Binary;
using System.IO.Hashing;

namespace LineCrm.Segmentation.Tests.Members.Files;

/// <summary>
/// Walks the sections of a store file as the format describes them (12-byte header; per section a 4-byte kind,
/// an 8-byte length, the payload, an 8-byte XxHash3), written from the format's description for the tests, so
/// they can damage one field, or change a payload and hash it again (a file whole in its frames but wrong inside).
/// </summary>
internal sealed record FileSection(int Kind, int FrameAt, int PayloadAt, int Length)
{
    public int LengthFieldAt => FrameAt + 4;

    public int HashAt => PayloadAt + Length;

    public static List<FileSection> Of(byte[] file)
    {
        var sections = new List<FileSection>();
        var at = 12;
        while (at < file.Length)
        {
            var kind = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(at));
            var length = (int)BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(at + 4));
            sections.Add(new FileSection(kind, at, at + 12, length));
            at += 12 + length + 8;
        }

        Assert.Equal(file.Length, at);
        return sections;
    }

    /// <summary>A copy of <paramref name="file"/> with this section's payload changed by <paramref name="change"/> and hashed again.</summary>
    public byte[] Rewritten(byte[] file, Action<Span<byte>> change)
    {
        var copy = (byte[])file.Clone();
        change(copy.AsSpan(PayloadAt, Length));
        BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(HashAt), XxHash3.HashToUInt64(copy.AsSpan(PayloadAt, Length)));
        return copy;
    }
}
