using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace LineCrm.Segmentation.Tests.Members.Files;

/// <summary>
/// Files of earlier format versions, made from a file of the current one as the format's description says those
/// versions were laid out, so the tests need no binary files checked in. Version 2 kept each purchase's amount as a
/// double (section kind 25, <c>PurchaseAmount</c>, right after <c>PurchaseAt</c>) and has none of what version 3
/// adds after the custom facts (kinds 52 to 54: exact amounts, purchase campaigns, link times); version 1 also ends
/// before the custom facts (kind 40 on).
/// </summary>
internal static class OlderFormats
{
    private const int PurchaseAt = 24;
    private const int PurchaseAmount = 25;
    private const int FirstCustomSection = 40;
    private const int PurchaseAmountUnits = 52;
    private const int LinkedAt = 54;

    /// <summary>The amounts (in ten-thousandths) of a current file's <c>PurchaseAmountUnits</c> section.</summary>
    public static long[] AmountUnits(byte[] file)
    {
        var section = FileSection.Of(file).Single(s => s.Kind == PurchaseAmountUnits);
        return MemoryMarshal.Cast<byte, long>(file.AsSpan(section.PayloadAt, section.Length)).ToArray();
    }

    /// <summary>
    /// <paramref name="file"/> as version 2 wrote it, each amount the double the old table kept
    /// (<c>(double)decimal</c>), or <paramref name="amounts"/> when given (to write doubles that do not convert).
    /// </summary>
    public static byte[] Version2(byte[] file, double[]? amounts = null)
    {
        amounts ??= [.. AmountUnits(file).Select(u => (double)decimal.FromOACurrency(u))];
        using var output = new MemoryStream();
        output.Write(file.AsSpan(0, 8));
        Span<byte> version = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(version, 2);
        output.Write(version);
        foreach (var section in FileSection.Of(file).Where(s => s.Kind < PurchaseAmountUnits || s.Kind > LinkedAt))
        {
            output.Write(file.AsSpan(section.FrameAt, section.HashAt + 8 - section.FrameAt));
            if (section.Kind == PurchaseAt)
            {
                WriteSection(output, PurchaseAmount, MemoryMarshal.AsBytes(amounts.AsSpan()));
            }
        }

        return output.ToArray();
    }

    /// <summary><paramref name="file"/> as version 1 wrote it: version 2 without the custom facts.</summary>
    public static byte[] Version1(byte[] file)
    {
        var version2 = Version2(file);
        var firstCustom = FileSection.Of(version2).First(s => s.Kind == FirstCustomSection);
        var version1 = version2[..firstCustom.FrameAt];
        BinaryPrimitives.WriteInt32LittleEndian(version1.AsSpan(8), 1);
        return version1;
    }

    private static void WriteSection(Stream output, int kind, ReadOnlySpan<byte> payload)
    {
        Span<byte> frame = stackalloc byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(frame, kind);
        BinaryPrimitives.WriteInt64LittleEndian(frame[4..], payload.Length);
        output.Write(frame);
        output.Write(payload);
        Span<byte> hash = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(hash, XxHash3.HashToUInt64(payload));
        output.Write(hash);
    }
}
