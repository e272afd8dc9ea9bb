using System.Text.Json;
using LineCrm.Identity;

namespace LineCrm.Stores.Sqlite;

/// <summary>
/// A chunk's recipients as stored: LINE user ids (<c>U</c> and 32 lowercase hex digits, all that BulkSendJob plans)
/// packed as 16 bytes each after a 'L' tag, less than half their text; any other list as JSON after a 'J' tag.
/// </summary>
internal static class ChunkRecipients
{
    private const byte Packed = (byte)'L';
    private const byte Json = (byte)'J';
    private const int IdBytes = 16;

    public static byte[] Encode(IReadOnlyList<string> userIds)
    {
        if (!userIds.All(IdentifierType.LineUser.IsNormalizedValue))
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(userIds, SqliteJsonContext.Default.IReadOnlyListString);
            return [Json, .. json];
        }

        var packed = new byte[1 + (userIds.Count * IdBytes)];
        packed[0] = Packed;
        for (var i = 0; i < userIds.Count; i++)
        {
            Convert.FromHexString(userIds[i].AsSpan(1), packed.AsSpan(1 + (i * IdBytes), IdBytes), out _, out _);
        }

        return packed;
    }

    public static IReadOnlyList<string> Decode(byte[] stored)
    {
        if (stored.Length > 0 && stored[0] == Json)
        {
            return JsonSerializer.Deserialize(stored.AsSpan(1), SqliteJsonContext.Default.IReadOnlyListString)
                ?? throw new JsonException("A stored chunk's recipients are null.");
        }

        if (stored.Length == 0 || stored[0] != Packed || (stored.Length - 1) % IdBytes != 0)
        {
            throw new JsonException($"A stored chunk's recipients are not in a known form ({stored.Length} bytes).");
        }

        var ids = new string[(stored.Length - 1) / IdBytes];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = string.Create(33, stored.AsMemory(1 + (i * IdBytes), IdBytes), static (text, bytes) =>
            {
                text[0] = 'U';
                Convert.TryToHexStringLower(bytes.Span, text[1..], out _);
            });
        }

        return ids;
    }
}
