using System.Text;
using LineCrm.Messaging.RichMenus;
using static LineCrm.Messaging.Tests.RichMenus.TestImages;

namespace LineCrm.Messaging.Tests.RichMenus;

/// <summary>The width and height of PNG and JPEG files written by <see cref="TestImages"/>, and every way a header can be cut short or broken.</summary>
public sealed class ImageDimensionsTests
{
    private static readonly Dictionary<string, JpegLayout> Layouts = new(StringComparer.Ordinal)
    {
        ["baseline JFIF"] = new JpegLayout(),
        ["baseline, no APP0"] = new JpegLayout(Jfif: false),
        ["progressive SOF2"] = new JpegLayout(Progressive: true),
        ["Exif APP1 with a JPEG thumbnail"] = new JpegLayout(ExifThumbnail: true),
        ["fill bytes before every marker"] = new JpegLayout(FillBytes: 3),
        ["TEM and RST markers"] = new JpegLayout(StandaloneMarkers: true),
        ["all of them"] = new JpegLayout(Progressive: true, ExifThumbnail: true, FillBytes: 1, StandaloneMarkers: true),
    };

    public static TheoryData<string> JpegLayouts => [.. Layouts.Keys];

    [Fact]
    public void The_test_CRC32_gives_the_standard_check_value_and_IENDs_known_CRC()
    {
        Assert.Equal(0xCBF43926u, Crc32("123456789"u8));
        Assert.Equal(0xAE426082u, Crc32("IEND"u8));
    }

    [Theory]
    [InlineData(2500, 1686)]
    [InlineData(2500, 843)]
    [InlineData(800, 250)]
    [InlineData(1, 1)]
    [InlineData(65_536, 300)]
    public void A_PNGs_size_is_read_from_its_IHDR_chunk(int width, int height)
    {
        var png = Png(width, height, pixels: width * (long)height <= 10_000_000);

        Assert.Equal(new ImageDimensions(width, height), ImageDimensions.ReadPng(png));
    }

    [Fact]
    public void The_largest_PNG_size_is_read()
    {
        Assert.Equal(new ImageDimensions(int.MaxValue, int.MaxValue), ImageDimensions.ReadPng(Png(int.MaxValue, int.MaxValue, pixels: false)));
    }

    [Theory]
    [MemberData(nameof(JpegLayouts))]
    public void A_JPEGs_size_is_read_from_its_first_frame_header(string layoutName)
    {
        var layout = Layouts[layoutName];

        Assert.Equal(new ImageDimensions(2500, 1686), ImageDimensions.ReadJpeg(Jpeg(2500, 1686, layout)));
        Assert.Equal(new ImageDimensions(801, 251), ImageDimensions.ReadJpeg(Jpeg(801, 251, layout)));
        Assert.Equal(new ImageDimensions(65_535, 1), ImageDimensions.ReadJpeg(Jpeg(65_535, 1, layout, pixels: false)));
        Assert.Equal(new ImageDimensions(2500, 843), ImageDimensions.ReadJpeg(Jpeg(2500, 843, layout, padTo: 300_000)));
    }

    [Fact]
    public void The_Exif_thumbnails_own_frame_header_is_skipped_with_its_segment()
    {
        var jpeg = Jpeg(2500, 1686, new JpegLayout(ExifThumbnail: true));
        var thumbnail = Jpeg(160, 120);

        Assert.True(jpeg.AsSpan().IndexOf(thumbnail) > 0); // the thumbnail is there, before the frame header
        Assert.Equal(new ImageDimensions(2500, 1686), ImageDimensions.ReadJpeg(jpeg));
    }

    [Theory]
    [InlineData(0xC4, "DHT")]
    [InlineData(0xC8, "JPG")]
    [InlineData(0xCC, "DAC")]
    public void The_markers_between_SOF0_and_SOF15_that_are_not_frame_headers_are_skipped(byte marker, string name)
    {
        // A segment with that marker whose body would read as 4000×3000 if it were a frame header.
        byte[] lookalike = [0xFF, marker, 0x00, 0x0B, 8, 0x0B, 0xB8, 0x0F, 0xA0, 1, 1, 0x11, 0];
        var jpeg = Jpeg(1200, 600);

        var size = ImageDimensions.ReadJpeg([.. jpeg[..2], .. lookalike, .. jpeg[2..]]);

        Assert.Equal(new ImageDimensions(1200, 600), size);
        Assert.NotEmpty(name);
    }

    [Theory]
    [InlineData(0xC1)]
    [InlineData(0xC3)]
    [InlineData(0xC9)]
    [InlineData(0xCF)]
    public void Every_other_SOF_marker_is_a_frame_header(byte marker)
    {
        var jpeg = Jpeg(1200, 600);
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        jpeg[sof + 1] = marker;

        Assert.Equal(new ImageDimensions(1200, 600), ImageDimensions.ReadJpeg(jpeg));
    }

    [Fact]
    public void A_PNG_cut_short_anywhere_before_the_end_of_its_width_and_height_is_an_ArgumentException()
    {
        var png = Png(2500, 1686);
        var headerEnd = 8 + 8 + 8; // signature, IHDR length and type, width and height

        for (var length = 0; length < headerEnd; length++)
        {
            var error = Assert.Throws<ArgumentException>(() => ImageDimensions.ReadPng(png.AsSpan(0, length)));
            Assert.Equal("image", error.ParamName);
            Assert.Contains("cut short", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(new ImageDimensions(2500, 1686), ImageDimensions.ReadPng(png.AsSpan(0, headerEnd)));
    }

    [Theory]
    [MemberData(nameof(JpegLayouts))]
    public void A_JPEG_cut_short_anywhere_before_the_end_of_its_frame_header_is_an_ArgumentException(string layoutName)
    {
        var layout = Layouts[layoutName];
        var jpeg = Jpeg(2500, 1686, layout, pixels: false);
        var frameHeaderEnd = jpeg.Length - (layout.FillBytes + 2); // without pixels, EOI follows the frame header

        for (var length = 0; length < frameHeaderEnd; length++)
        {
            var error = Assert.Throws<ArgumentException>(() => ImageDimensions.ReadJpeg(jpeg.AsSpan(0, length)));
            Assert.Equal("image", error.ParamName);
            Assert.Contains("cut short", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(new ImageDimensions(2500, 1686), ImageDimensions.ReadJpeg(jpeg.AsSpan(0, frameHeaderEnd)));
    }

    public static TheoryData<string, byte[], string> BrokenJpegs => new()
    {
        { "not JPEG", [0x89, 0x50, 0x4E, 0x47], "do not start with the JPEG SOI marker" },
        { "no marker after SOI", [0xFF, 0xD8, 0x12, 0x34, 0x56], "0x12 at byte 2 where a marker (0xFF) should start" },
        { "FF 00 between segments", [0xFF, 0xD8, 0xFF, 0x00, 0xFF, 0xC0], "FF 00 at byte 2" },
        { "EOI before a frame header", [0xFF, 0xD8, 0xFF, 0xD9], "ends (EOI marker at byte 2) before a frame header" },
        { "scan before a frame header", [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0], "scan (SOS marker at byte 2) starts before any frame header" },
        { "segment length 1", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0xFF, 0xC0], "has length 1, less than the 2 bytes" },
        { "segment longer than the file", [0xFF, 0xD8, 0xFF, 0xE0, 0x01, 0x00, 0, 0], "cut short" },
        { "frame header too short", [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x07, 8, 0, 1, 0, 1], "(SOF0) at byte 2 has length 7" },
        { "frame header of the wrong length for its components", [0xFF, 0xD8, 0xFF, 0xC2, 0x00, 0x0B, 8, 0, 1, 0, 1, 3, 1, 0x11, 0], "(SOF2) at byte 2 has length 11" },
        { "height 0 (DNL)", [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 8, 0, 0, 0x09, 0xC4, 1, 1, 0x11, 0], "size of 2500×0 pixels" },
        { "width 0", [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 8, 0x06, 0x96, 0, 0, 1, 1, 0x11, 0], "size of 0×1686 pixels" },
        { "only fill bytes", [0xFF, 0xD8, 0xFF, 0xFF, 0xFF], "cut short" },
    };

    [Theory]
    [MemberData(nameof(BrokenJpegs))]
    public void A_broken_JPEG_header_is_an_ArgumentException_that_says_what_is_wrong(string name, byte[] jpeg, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ImageDimensions.ReadJpeg(jpeg));

        Assert.Equal("image", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot read the rich menu image's width and height", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(name);
    }

    [Fact]
    public void A_broken_PNG_header_is_an_ArgumentException_that_says_what_is_wrong()
    {
        var png = Png(2500, 1686);
        var notFirst = png.ToArray();
        Encoding.ASCII.GetBytes("tEXt", notFirst.AsSpan(12));
        var zeroWide = png.ToArray();
        zeroWide.AsSpan(16, 4).Clear();
        var tooHigh = Png(2500, 1686, pixels: false);
        tooHigh[20] = 0x80;

        Assert.Contains("not start with the PNG signature", Throws(Jpeg(2500, 1686)), StringComparison.Ordinal);
        Assert.Contains("first chunk is not a 13-byte IHDR chunk", Throws(notFirst), StringComparison.Ordinal);
        Assert.Contains("size of 0×1686 pixels", Throws(zeroWide), StringComparison.Ordinal);
        Assert.Contains("size of 2500×2147485334 pixels", Throws(tooHigh), StringComparison.Ordinal);

        static string Throws(byte[] png)
        {
            var error = Assert.Throws<ArgumentException>(() => ImageDimensions.ReadPng(png));
            Assert.Equal("image", error.ParamName);
            return error.Message;
        }
    }
}
