using System.Text;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// Where the reader is inside one event, for error messages only: an object's path relative to the event
/// (empty for the event itself; callers pass literals such as <c>message</c>, so nothing is built unless a
/// message needs it) and, for an array item, its index.
/// </summary>
internal readonly record struct JsonScope(string Path, int Index = -1)
{
    public static JsonScope Event { get; } = new(string.Empty);

    /// <summary>The path of a field of this object, relative to the event (<c>message.emojis[2].index</c>).</summary>
    public string Field(ReadOnlySpan<byte> utf8Name)
    {
        var name = Encoding.UTF8.GetString(utf8Name);
        var self = Index >= 0 ? $"{Path}[{Index}]" : Path;
        return self.Length == 0 ? name : $"{self}.{name}";
    }
}
