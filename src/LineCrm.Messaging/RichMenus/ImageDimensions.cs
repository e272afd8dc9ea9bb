using System.Buffers.Binary;
using System.Globalization;

namespace LineCrm.Messaging.RichMenus;

/// <summary>
/// The width and height of a PNG or JPEG, read from its header without decoding it: PNG from the IHDR chunk, JPEG
/// from the first frame header (SOF marker). A header that is cut short or malformed is an
/// <see cref="ArgumentException"/> on <c>image</c> that says where, never an index error.
/// </summary>
internal readonly record struct ImageDimensions(int Width, int Height)
{
    private const string Param = "image";

    /// <summary>The eight bytes every PNG starts with.</summary>
    public static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads the size from a PNG's IHDR chunk, which the PNG standard puts first, right after the signature.</summary>
    public static ImageDimensions ReadPng(ReadOnlySpan<byte> image)
    {
        // signature (8), IHDR length (4) and type (4), then width (4) and height (4), big-endian
        const int HeaderEnd = 24;
        if (image.Length < PngSignature.Length)
        {
            throw Malformed($"the PNG is cut short: {image.Length} bytes, less than its 8-byte signature");
        }

        if (!image.StartsWith(PngSignature))
        {
            throw Malformed("the bytes do not start with the PNG signature");
        }

        if (image.Length < HeaderEnd)
        {
            throw Malformed($"the PNG header is cut short: {image.Length} bytes, but the IHDR chunk's width and height end at byte {HeaderEnd}");
        }

        var chunkLength = BinaryPrimitives.ReadUInt32BigEndian(image[8..]);
        if (chunkLength != 13 || !image[12..16].SequenceEqual("IHDR"u8))
        {
            throw Malformed("the PNG's first chunk is not a 13-byte IHDR chunk, which must come right after the signature");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(image[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(image[20..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            throw Malformed(string.Create(CultureInfo.InvariantCulture,
                $"the PNG's IHDR chunk gives a size of {width}×{height} pixels; each must be 1 to 2,147,483,647"));
        }

        return new((int)width, (int)height);
    }

    /// <summary>
    /// Walks a JPEG's segments from the SOI marker to the first frame header (SOF0 to SOF15 but DHT, JPG and DAC) and
    /// reads its height and width. Segments before it (APPn such as JFIF and Exif, whose thumbnail is a JPEG of its
    /// own, DQT, DHT, COM) are skipped by their length; fill bytes (0xFF) before a marker and the standalone markers
    /// (TEM, RST0 to RST7, SOI) carry no length.
    /// </summary>
    public static ImageDimensions ReadJpeg(ReadOnlySpan<byte> image)
    {
        if (image.Length < 2 || image[0] != 0xFF || image[1] != 0xD8)
        {
            throw Malformed(image.Length < 2
                ? $"the JPEG is cut short: {image.Length} bytes, less than its 2-byte SOI marker"
                : "the bytes do not start with the JPEG SOI marker (FF D8)");
        }

        var at = 2;
        while (true)
        {
            if (at >= image.Length)
            {
                throw CutShort(image.Length, "before a frame header (SOF marker) gave the width and height");
            }

            if (image[at] != 0xFF)
            {
                throw Malformed(string.Create(CultureInfo.InvariantCulture,
                    $"the JPEG has 0x{image[at]:X2} at byte {at} where a marker (0xFF) should start"));
            }

            var markerAt = at;
            while (at < image.Length && image[at] == 0xFF)
            {
                at++; // the marker's own 0xFF and any fill bytes before it
            }

            if (at >= image.Length)
            {
                throw CutShort(image.Length, $"in the marker at byte {markerAt}");
            }

            var marker = image[at++];
            switch (marker)
            {
                case 0x00:
                    throw Malformed(string.Create(CultureInfo.InvariantCulture,
                        $"the JPEG has FF 00 at byte {markerAt}, which belongs in compressed data, not between segments"));
                case 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7):
                    continue; // TEM, SOI, RST0-7: standalone, no length
                case 0xD9:
                    throw Malformed(string.Create(CultureInfo.InvariantCulture,
                        $"the JPEG ends (EOI marker at byte {markerAt}) before a frame header (SOF marker) gave the width and height"));
                case 0xDA:
                    throw Malformed(string.Create(CultureInfo.InvariantCulture,
                        $"the JPEG's scan (SOS marker at byte {markerAt}) starts before any frame header (SOF marker) gave the width and height"));
            }

            if (at + 2 > image.Length)
            {
                throw CutShort(image.Length, $"in the length of the segment with marker FF {marker:X2} at byte {markerAt}");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(image[at..]);
            if (length < 2)
            {
                throw Malformed(string.Create(CultureInfo.InvariantCulture,
                    $"the JPEG segment with marker FF {marker:X2} at byte {markerAt} has length {length}, less than the 2 bytes of the length itself"));
            }

            if (at + length > image.Length)
            {
                throw CutShort(image.Length, $"in the segment with marker FF {marker:X2} at byte {markerAt}, which is {length} bytes long");
            }

            if (IsFrameHeader(marker))
            {
                return ReadFrameHeader(image.Slice(at, length), marker, markerAt);
            }

            at += length;
        }
    }

    // SOF0-SOF15 are C0-CF, but C4 is DHT, C8 is JPG (reserved) and CC is DAC.
    private static bool IsFrameHeader(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    /// <summary>Lf (2), P (1), Y = height (2), X = width (2), Nf (1), then 3 bytes per component.</summary>
    private static ImageDimensions ReadFrameHeader(ReadOnlySpan<byte> segment, byte marker, int markerAt)
    {
        var components = segment.Length >= 8 ? segment[7] : 0;
        if (segment.Length < 8 || components == 0 || segment.Length != 8 + (3 * components))
        {
            throw Malformed(string.Create(CultureInfo.InvariantCulture,
                $"the JPEG frame header (SOF{marker - 0xC0}) at byte {markerAt} has length {segment.Length}, which is not 8 + 3 per component"));
        }

        var height = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        var width = BinaryPrimitives.ReadUInt16BigEndian(segment[5..]);
        if (width == 0 || height == 0)
        {
            throw Malformed(string.Create(CultureInfo.InvariantCulture,
                $"the JPEG frame header (SOF{marker - 0xC0}) at byte {markerAt} gives a size of {width}×{height} pixels (a height given later by a DNL marker is not supported)"));
        }

        return new(width, height);
    }

    private static ArgumentException CutShort(int length, string where) =>
        Malformed(string.Create(CultureInfo.InvariantCulture, $"the JPEG header is cut short: it ends after {length} bytes, {where}"));

#pragma warning disable CA2208 // the parameter the caller passed is the image whose header this reads
    private static ArgumentException Malformed(string problem) =>
        new($"{Param}: cannot read the rich menu image's width and height: {problem}.", Param);
#pragma warning restore CA2208
}
