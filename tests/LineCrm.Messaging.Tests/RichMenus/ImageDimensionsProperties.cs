using FsCheck;
using FsCheck.Fluent;
using LineCrm.Messaging.RichMenus;
using static LineCrm.Messaging.Tests.RichMenus.TestImages;

namespace LineCrm.Messaging.Tests.RichMenus;

/// <summary>Any size written into a header reads back, whatever comes before the frame header; any damage is an ArgumentException.</summary>
public sealed class ImageDimensionsProperties
{
    private static readonly Gen<JpegLayout> Layouts =
        from progressive in Gen.Elements(false, true)
        from jfif in Gen.Elements(false, true)
        from exif in Gen.Elements(false, true)
        from fill in Gen.Choose(0, 4)
        from standalone in Gen.Elements(false, true)
        select new JpegLayout(progressive, jfif, exif, fill, standalone);

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property A_PNG_header_reads_back_its_width_and_height() =>
        Prop.ForAll(Gen.Choose(1, int.MaxValue).Two().ToArbitrary(), size =>
        {
            var (width, height) = size;
            return ImageDimensions.ReadPng(Png(width, height, pixels: false)) == new ImageDimensions(width, height);
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property A_JPEG_header_reads_back_its_width_and_height_whatever_the_segments_before_it() =>
        Prop.ForAll(
            (from width in Gen.Choose(1, ushort.MaxValue)
             from height in Gen.Choose(1, ushort.MaxValue)
             from layout in Layouts
             select (width, height, layout)).ToArbitrary(),
            input => ImageDimensions.ReadJpeg(Jpeg(input.width, input.height, input.layout, pixels: false))
                == new ImageDimensions(input.width, input.height));

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Damaged_JPEG_headers_read_a_size_or_throw_ArgumentException_only() =>
        Prop.ForAll(
            (from layout in Layouts
             from at in Gen.Choose(0, 1_000_000)
             from value in Gen.OneOf(
                 Gen.Elements((byte)0xFF, (byte)0x00, (byte)0xC0, (byte)0xC2, (byte)0xC4, (byte)0xD8, (byte)0xD9, (byte)0xDA),
                 Gen.Choose(0, 255).Select(i => (byte)i))
             from cut in Gen.Elements(false, true)
             select (layout, at, value, cut)).ToArbitrary(),
            input =>
            {
                var jpeg = Jpeg(1200, 600, input.layout, pixels: false);
                var at = input.at % jpeg.Length;
                jpeg[at] = input.value;
                try
                {
                    var size = ImageDimensions.ReadJpeg(input.cut ? jpeg.AsSpan(0, at) : jpeg);
                    return size.Width > 0 && size.Height > 0;
                }
                catch (ArgumentException e) when (e.GetType() == typeof(ArgumentException))
                {
                    return e.ParamName == "image";
                }
            });
}
