using System.Collections.Concurrent;

namespace LineCrm.Messaging.Testing;

public sealed partial class FakeLinePlatform
{
    /// <summary>Audiences by id.</summary>
    public ConcurrentDictionary<long, FakeAudience> Audiences { get; } = new();

    /// <summary>
    /// How many reads of an uploaded audience answer IN_PROGRESS before it turns READY (LINE takes a while); set it
    /// to -1 to make new audiences fail with AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT instead.
    /// </summary>
    public int AudienceReadsBeforeReady { get; set; } = 1;
}

/// <summary>An audience in the fake.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Type">UPLOAD, CLICK or IMP.</param>
/// <param name="Created">Creation time (ms since the epoch).</param>
public sealed class FakeAudience(long Id, string Type, long Created)
{
    /// <summary>Its id.</summary>
    public long Id { get; } = Id;

    /// <summary>UPLOAD, CLICK or IMP.</summary>
    public string Type { get; } = Type;

    /// <summary>Creation time in ms since the epoch.</summary>
    public long Created { get; } = Created;

    /// <summary>Its name.</summary>
    public string Description { get; set; } = "";

    /// <summary>Its ids (a set, as at LINE).</summary>
    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Upload jobs: each upload's id count.</summary>
    public List<int> Jobs { get; } = [];

    /// <summary>Reads left before it turns READY.</summary>
    public int ReadsBeforeReady { get; set; }

    /// <summary>True when the audience was shared from Business Manager.</summary>
    public bool Shared { get; set; }

    /// <summary>The request id of a click or impression audience.</summary>
    public string? RequestId { get; set; }
}
