using System.Collections.Concurrent;

namespace LineCrm.Messaging.Testing;

public sealed partial class FakeLinePlatform
{
    /// <summary>The aggregation unit names used this month (listed in ordinal order); tests add to it.</summary>
    public ConcurrentDictionary<string, bool> AggregationUnits { get; } = new(StringComparer.Ordinal);
}
