using System.Globalization;

namespace LineCrm.Messaging.RichMenus;

/// <summary>
/// Checks a rich menu image before upload: LINE takes JPEG or PNG of at most 1 MB, 800 to 2500 pixels wide, at least
/// 250 pixels high and at least 1.45 times as wide as high. The declared content type must be one of the two and match
/// the bytes, and the size is read from the header, so a mislabelled or misshapen file fails here, not as LINE's
/// vague 400 after the upload.
/// </summary>
internal static class RichMenuImage
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    /// <summary>Returns the normalised content type (<c>image/jpeg</c> or <c>image/png</c>).</summary>
    /// <exception cref="ArgumentException">
    /// Another type, an empty or too large image, bytes that are not the declared type, a header that cannot be read, or
    /// a width and height outside LINE's limits.
    /// </exception>
    public static string Check(ReadOnlySpan<byte> image, string contentType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var mediaType = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        var (normalised, signature) = mediaType switch
        {
            Jpeg or "image/jpg" => (Jpeg, JpegSignature),
            Png => (Png, ImageDimensions.PngSignature),
            _ => throw new ArgumentException(
                $"contentType: a rich menu image must be image/jpeg or image/png; got '{contentType}'.", nameof(contentType)),
        };

        if (image.IsEmpty)
        {
            throw new ArgumentException("image: the rich menu image is empty.", nameof(image));
        }

        CheckLength(image.Length);
        if (!image.StartsWith(signature))
        {
            throw new ArgumentException(
                $"image: the bytes are not a {(normalised == Jpeg ? "JPEG" : "PNG")} image, but the content type says {normalised}.", nameof(image));
        }

        CheckDimensions(normalised == Png ? ImageDimensions.ReadPng(image) : ImageDimensions.ReadJpeg(image));
        return normalised;
    }

    /// <summary>LINE's size rules for the picture itself, the same as for the menu's <c>size</c> (<see cref="RichMenuLimits"/>).</summary>
    public static void CheckDimensions(ImageDimensions size)
    {
        var (width, height) = (size.Width, size.Height);
        var ratio = (double)width / height;
        var rule =
            width < RichMenuLimits.MinWidth || width > RichMenuLimits.MaxWidth
                ? $"must be {RichMenuLimits.MinWidth} to {RichMenuLimits.MaxWidth} pixels wide"
            : height < RichMenuLimits.MinHeight ? $"must be at least {RichMenuLimits.MinHeight} pixels high"
            : ratio < RichMenuLimits.MinAspectRatio
                ? string.Create(CultureInfo.InvariantCulture, $"must be at least {RichMenuLimits.MinAspectRatio} times as wide as high (width / height ≥ {RichMenuLimits.MinAspectRatio})")
            : null;
        if (rule is not null)
        {
#pragma warning disable CA2208 // the parameter the caller passed is the image this size was read from
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"image: a rich menu image {rule}; this one is {width}×{height} pixels (width / height {ratio:0.###})."),
                "image");
#pragma warning restore CA2208
        }
    }

    public static void CheckLength(long length)
    {
#pragma warning disable CA2208 // the parameter the caller passed is the image, whichever overload measured it

        if (length > RichMenuLimits.MaxImageBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"image: a rich menu image is at most {RichMenuLimits.MaxImageBytes:N0} bytes (1 MB); this one is {length:N0} bytes."),
                "image");
#pragma warning restore CA2208
        }
    }

    /// <summary>Reads a stream into memory, stopping with an exception as soon as it passes the size limit.</summary>
    public static async Task<byte[]> ReadAsync(Stream image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.CanSeek)
        {
            CheckLength(image.Length - image.Position);
        }

        // One byte over the limit is enough to know it is too big; the rest is never read.
        var buffer = new byte[RichMenuLimits.MaxImageBytes + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length
            && (read = await image.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        CheckLength(filled);
        return buffer.AsSpan(0, filled).ToArray();
    }
}
