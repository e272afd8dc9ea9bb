using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LineCrm.Messaging.Tests.RichMenus;

/// <summary>
/// Writes PNG and JPEG files of a given size, chunk by chunk and segment by segment, so the reader is tested on the
/// structure an encoder writes rather than on numbers copied from the reader. With pixels, the files are complete:
/// a mid-grey picture (PNG: 8-bit greyscale, zlib-compressed rows; JPEG: one component, every 8×8 block a DC
/// difference of 0 and an end of block, with a one-symbol Huffman table).
/// </summary>
internal static class TestImages
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>How a test JPEG is laid out before its frame header.</summary>
    /// <param name="Progressive">SOF2 with a DC-only first scan instead of baseline SOF0.</param>
    /// <param name="Jfif">An APP0 JFIF segment after SOI, as most encoders write.</param>
    /// <param name="ExifThumbnail">
    /// An APP1 Exif segment carrying a 160×120 thumbnail, itself a JPEG with its own frame header, which the reader
    /// must skip.
    /// </param>
    /// <param name="FillBytes">Extra 0xFF bytes before every marker after SOI (the standard allows any number).</param>
    /// <param name="StandaloneMarkers">TEM, RST0 and RST7 markers (no length) before the tables.</param>
    internal sealed record JpegLayout(
        bool Progressive = false, bool Jfif = true, bool ExifThumbnail = false, int FillBytes = 0, bool StandaloneMarkers = false);

    /// <summary>A PNG of <paramref name="width"/> × <paramref name="height"/>.</summary>
    /// <param name="padTo">When above 0, a tEXt comment chunk makes the file exactly this many bytes.</param>
    /// <param name="pixels">False for signature, IHDR and IEND only (any size, no picture data).</param>
    public static byte[] Png(int width, int height, int padTo = 0, bool pixels = true)
    {
        using var file = new MemoryStream();
        file.Write(PngSignature);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (greyscale), compression 0, filter 0, interlace 0
        WriteChunk(file, "IHDR", header);

        var data = pixels ? GreyRows(width, height) : null;
        const int CommentOverhead = 12 + 8; // length, type, CRC; "Comment" keyword and its NUL
        var baseLength = file.Length + (data is null ? 0 : 12 + data.Length) + 12;
        if (padTo > 0)
        {
            var text = padTo - baseLength - CommentOverhead;
            if (text < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(padTo), padTo, $"a {width}×{height} PNG needs at least {baseLength + CommentOverhead} bytes");
            }

            WriteChunk(file, "tEXt", [.. "Comment\0"u8, .. Enumerable.Repeat((byte)'.', (int)text)]);
        }

        if (data is not null)
        {
            WriteChunk(file, "IDAT", data);
        }

        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>A JPEG of <paramref name="width"/> × <paramref name="height"/> (each 1 to 65535).</summary>
    /// <param name="layout">The segments before the frame header; baseline with a JFIF APP0 when null.</param>
    /// <param name="padTo">When above 0, COM segments make the file exactly this many bytes.</param>
    /// <param name="pixels">False to end with EOI right after the frame header (any size, no scan).</param>
    public static byte[] Jpeg(int width, int height, JpegLayout? layout = null, int padTo = 0, bool pixels = true)
    {
        layout ??= new JpegLayout();
        var parts = new List<byte[]> { new byte[] { 0xFF, 0xD8 } };
        void Marker(byte marker) => parts.Add([.. Enumerable.Repeat((byte)0xFF, layout.FillBytes + 1), marker]);
        void Segment(byte marker, byte[] body)
        {
            Marker(marker);
            var length = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)(body.Length + 2)));
            parts.Add(length);
            parts.Add(body);
        }

        if (layout.Jfif)
        {
            // "JFIF\0", version 1.02, no units, 1:1 density, no thumbnail
            Segment(0xE0, [.. "JFIF\0"u8, 1, 2, 0, 0, 1, 0, 1, 0, 0]);
        }

        if (layout.ExifThumbnail)
        {
            Segment(0xE1, Exif(Jpeg(160, 120)));
        }

        if (layout.StandaloneMarkers)
        {
            Marker(0x01); // TEM
            Marker(0xD0); // RST0
            Marker(0xD7); // RST7
        }

        var paddingAt = parts.Count;
        Segment(0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]); // DQT: table 0, 8-bit, every step 1

        // SOFn: precision 8, height, width, one component (id 1, sampling 1×1, table 0)
        var frame = new byte[9];
        frame[0] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(1), checked((ushort)height));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(3), checked((ushort)width));
        frame[5] = 1;
        frame[6] = 1;
        frame[7] = 0x11;
        Segment(layout.Progressive ? (byte)0xC2 : (byte)0xC0, frame);

        if (pixels)
        {
            // DHT: DC table 0 and AC table 0, each one symbol (0x00: DC difference 0, AC end of block) of code length 1
            byte[] oneSymbol = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00];
            Segment(0xC4, [0x00, .. oneSymbol, 0x10, .. oneSymbol]);

            // SOS: one component with tables 0/0; baseline covers coefficients 0-63, the progressive first scan DC only
            Segment(0xDA, [1, 1, 0x00, 0, layout.Progressive ? (byte)0 : (byte)63, 0]);
            var blocks = (long)((width + 7) / 8) * ((height + 7) / 8);
            var bits = blocks * (layout.Progressive ? 1 : 2); // a "0" per Huffman code
            var scan = new byte[(bits + 7) / 8];
            if (bits % 8 != 0)
            {
                scan[^1] = (byte)((1 << (int)(8 - (bits % 8))) - 1); // the last byte is padded with 1 bits
            }

            parts.Add(scan);
        }

        Marker(0xD9);

        if (padTo > 0)
        {
            var missing = padTo - parts.Sum(p => p.Length);
            var comments = new List<byte[]>();
            while (missing > 0)
            {
                // a COM segment is marker (2 + fill), length (2) and at most 65,533 bytes of text
                var overhead = 4 + layout.FillBytes;
                var text = Math.Min(missing - overhead, ushort.MaxValue - 2);
                var left = missing - overhead - text;
                if (left > 0 && left < overhead)
                {
                    text -= overhead; // leave room for one more whole segment
                }

                if (text < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(padTo), padTo, $"cannot pad a {width}×{height} JPEG by {missing} bytes");
                }

                comments.Add([.. Enumerable.Repeat((byte)0xFF, layout.FillBytes + 1), 0xFE, (byte)((text + 2) >> 8), (byte)(text + 2), .. Enumerable.Repeat((byte)'.', text)]);
                missing -= overhead + text;
            }

            if (missing < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(padTo), padTo, $"a {width}×{height} JPEG is already longer");
            }

            parts.InsertRange(paddingAt, comments);
        }

        return [.. parts.SelectMany(p => p)];
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, reflected polynomial 0xEDB88320), computed bit by bit.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void WriteChunk(Stream file, string type, byte[] data)
    {
        var chunk = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, chunk);
        data.CopyTo(chunk, 4);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        file.Write(word);
        file.Write(chunk);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(chunk));
        file.Write(word);
    }

    /// <summary>Rows of mid grey, each after its filter-type byte 0, zlib-compressed as IDAT holds them.</summary>
    private static byte[] GreyRows(int width, int height)
    {
        var row = new byte[width + 1];
        row.AsSpan(1).Fill(0x80);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    /// <summary>
    /// An Exif APP1 body: "Exif\0\0", a little-endian TIFF header, an empty IFD0 that links to IFD1, and IFD1's
    /// JPEGInterchangeFormat (0x0201) and JPEGInterchangeFormatLength (0x0202) pointing at the thumbnail after it.
    /// </summary>
    private static byte[] Exif(byte[] thumbnail)
    {
        const int Ifd0 = 8;
        const int Ifd1 = Ifd0 + 2 + 4;
        const int ThumbnailAt = Ifd1 + 2 + (2 * 12) + 4;
        var tiff = new byte[ThumbnailAt + thumbnail.Length];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(4), Ifd0);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(Ifd0 + 2), Ifd1); // IFD0: no entries, then IFD1
        BinaryPrimitives.WriteInt16LittleEndian(tiff.AsSpan(Ifd1), 2);
        WriteEntry(tiff.AsSpan(Ifd1 + 2), 0x0201, ThumbnailAt);
        WriteEntry(tiff.AsSpan(Ifd1 + 2 + 12), 0x0202, thumbnail.Length);
        thumbnail.CopyTo(tiff, ThumbnailAt);
        return [.. "Exif\0\0"u8, .. tiff];

        static void WriteEntry(Span<byte> entry, ushort tag, int value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4); // LONG
            BinaryPrimitives.WriteInt32LittleEndian(entry[4..], 1); // one value
            BinaryPrimitives.WriteInt32LittleEndian(entry[8..], value);
        }
    }
}
