using LineCrm.Identity;
using LineCrm.Samples.Analysis.Demo;
using LineCrm.Segmentation.Ingestion;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>Step 1: the data, either the generated demo population or an order file.</summary>
internal static class LoadStep
{
    public static AnalysisInput Demo(int friends)
    {
        var population = DemoPopulation.Generate(friends);
        var customers = new PersonIndex<Identifier>();
        var orders = new OrderTableBuilder();
        foreach (var purchase in population.Purchases)
        {
            orders.Add(customers.GetOrAdd(purchase.Customer), purchase);
        }

        var rows = population.Purchases.Count + population.Interactions.Count + population.Links.Count;
        return new AnalysisInput($"demo population ({friends:N0} LINE friends, seed 20261123)", orders.Build(customers.Count), customers.Keys,
            population.Interactions, population.Links, population.End, new InputAccount(rows, 0, []));
    }

    public static async Task<AnalysisInput> OrderFileAsync(string path, string format, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        var options = new OrderFileOptions(timeZone);
        var file = format == "cdnow"
            ? await CdnowReader.LoadAsync(path, options, cancellationToken)
            : await OrderCsvReader.LoadAsync(path, options, cancellationToken);
        var ticks = file.Orders.UtcTicks;
        var latest = ticks.IsEmpty ? DateTimeOffset.UnixEpoch : new DateTimeOffset(ticks.ToArray().Max(), TimeSpan.Zero);
        return new AnalysisInput($"{format} file {Path.GetFileName(path)}", file.Orders, file.Customers, [], [], latest,
            new InputAccount(file.DataRows, file.InvalidRows, [.. file.Problems.Select(p => p.ToString())]));
    }
}
