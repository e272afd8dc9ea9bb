using LineCrm.Events;
using LineCrm.Segmentation.Ingestion;

namespace LineCrm.Segmentation.Tests.Ingestion;

/// <summary>
/// What the streaming tests need: a problem sink that keeps what it is told as it is told (unlike
/// <see cref="Progress{T}"/>, which posts to a thread pool), and the events of a stream as a list.
/// </summary>
internal sealed class ProblemList : List<OrderFileProblem>, IProgress<OrderFileProblem>
{
    public void Report(OrderFileProblem value) => Add(value);
}

internal static class EventStreams
{
    public static async Task<List<CustomerEventEnvelope>> ToListAsync(this IAsyncEnumerable<CustomerEventEnvelope> events)
    {
        var list = new List<CustomerEventEnvelope>();
        await foreach (var e in events.ConfigureAwait(false))
        {
            list.Add(e);
        }

        return list;
    }

    public static Purchase Purchase(this CustomerEventEnvelope envelope) => Assert.IsType<Purchase>(envelope.Event);

    public static OrderFileOptions Options(TimeZoneInfo zone, bool strict = false) => new(zone) { Strict = strict };
}
