namespace LineCrm.Segmentation.Members.Files;

/// <summary>What the store's files have in common: the byte order, and how damage is reported.</summary>
internal static class ColumnFile
{
    /// <summary>The header: eight magic bytes and a 32-bit version.</summary>
    public const int HeaderLength = 12;

    public static void RequireLittleEndian()
    {
        // The columns are written and read as they lie in memory; the format is little-endian.
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The store's files are little-endian; this platform is big-endian.");
        }
    }

    public static InvalidDataException Damaged(string what, long position, string problem) =>
        new($"The {what} is damaged at byte {position}: {problem}.");

    /// <summary>A file whose frames and hashes are right but whose content contradicts itself.</summary>
    public static InvalidDataException Inconsistent(string what, string problem) =>
        new($"The {what} is damaged: {problem}.");
}
