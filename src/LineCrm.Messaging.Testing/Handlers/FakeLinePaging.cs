using System.Globalization;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// Continuation-token paging as LINE does it: a page of items and, while items remain, an opaque <c>next</c> token
/// that the following request passes back as <c>start</c>. A token the fake did not issue is a 400, as at LINE.
/// </summary>
internal static class FakeLinePaging
{
    private const string Prefix = "fake-page-";

    /// <summary>The page starting at <paramref name="start"/> (null for the first), or the 400 for a bad token.</summary>
    public static FakeLineReply? Page<T>(
        IReadOnlyList<T> all, string? start, int size, out IReadOnlyList<T> page, out string? next)
    {
        page = [];
        next = null;
        var offset = 0;
        if (!string.IsNullOrEmpty(start)
            && (!start.StartsWith(Prefix, StringComparison.Ordinal)
                || !int.TryParse(start.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset)
                || offset > all.Count))
        {
            return FakeLineReply.Error(400, "Invalid start", ("start", $"'{start}' is not a continuation token this server issued"));
        }

        page = [.. all.Skip(offset).Take(size)];
        if (offset + page.Count < all.Count)
        {
            next = Prefix + (offset + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }

    /// <summary>Reads an optional integer <c>limit</c> in [1, max], or answers 400 with details.</summary>
    public static FakeLineReply? Limit(FakeLineCall call, int defaultLimit, int max, out int limit)
    {
        var text = call.Query["limit"].ToString();
        limit = defaultLimit;
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > max)
        {
            return FakeLineReply.Error(400, "Invalid limit", ("limit", $"must be between 1 and {max}, got '{text}'"));
        }

        return null;
    }

    /// <summary>Strings as a JSON array.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode)value)]);

    /// <summary>A page answer: <c>{"itemsName": [...], "next": "..."}</c>, without <c>next</c> on the last page.</summary>
    public static FakeLineReply Reply(string itemsName, JsonArray items, string? next)
    {
        var body = new JsonObject { [itemsName] = items };
        if (next is not null)
        {
            body["next"] = next;
        }

        return FakeLineReply.Ok(body);
    }
}
