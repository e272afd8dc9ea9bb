using LineCrm.Events;
using LineCrm.Samples.Analysis.Demo;
using LineCrm.Segmentation.Ingestion;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>Step 1: the data, either the generated demo population or an order file.</summary>
internal static class LoadStep
{
    public static AnalysisInput Demo(int friends)
    {
        var population = DemoPopulation.Generate(friends);
        var rows = population.Purchases.Count + population.Interactions.Count + population.Links.Count;
        return new AnalysisInput($"demo population ({friends:N0} LINE friends, seed 20261123)", population.Purchases, population.Interactions, population.Links, population.End, new InputAccount(rows, 0, []));
    }

    /// <summary>
    /// Reads an order file as the event stream the readers yield (ids, currency and all), with no table in between:
    /// the purchases are what the member table is built from.
    /// </summary>
    public static async Task<AnalysisInput> OrderFileAsync(string path, string format, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        var options = new OrderFileOptions(timeZone);
        var problems = new InputProblems(options.MaxReportedProblems);
        var purchases = new List<Purchase>();
        var latest = DateTimeOffset.UnixEpoch;
        using var reader = new StreamReader(path);
        var events = format == "cdnow"
            ? CdnowReader.ReadEventsAsync(reader, options, problems, cancellationToken)
            : OrderCsvReader.ReadEventsAsync(reader, options, problems, cancellationToken);
        await foreach (var envelope in events.ConfigureAwait(false))
        {
            var purchase = (Purchase)envelope.Event;
            purchases.Add(purchase);
            latest = purchase.At > latest ? purchase.At : latest;
        }

        // Every data row is either an event or exactly one problem, so the two counts make the rows read.
        return new AnalysisInput($"{format} file {Path.GetFileName(path)}", purchases, [], [],
            purchases.Count == 0 ? DateTimeOffset.UnixEpoch : latest.ToUniversalTime(),
            new InputAccount(purchases.Count + problems.Count, problems.Count, [.. problems.Kept]));
    }

    /// <summary>The rows a reader left out: all counted, the first few kept as text. Told synchronously, in line order.</summary>
    private sealed class InputProblems(int keep) : IProgress<OrderFileProblem>
    {
        public int Count { get; private set; }

        public List<string> Kept { get; } = [];

        public void Report(OrderFileProblem value)
        {
            Count++;
            if (Kept.Count < keep)
            {
                Kept.Add(value.ToString());
            }
        }
    }
}
