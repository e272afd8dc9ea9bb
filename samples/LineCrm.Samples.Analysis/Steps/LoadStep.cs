using System.Globalization;
using LineCrm.Events;
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
            population.Purchases, population.Interactions, population.Links, population.End, new InputAccount(rows, 0, []));
    }

    public static async Task<AnalysisInput> OrderFileAsync(string path, string format, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        var options = new OrderFileOptions(timeZone);
        var file = format == "cdnow"
            ? await CdnowReader.LoadAsync(path, options, cancellationToken)
            : await OrderCsvReader.LoadAsync(path, options, cancellationToken);
        var ticks = file.Orders.UtcTicks;
        var latest = ticks.IsEmpty ? DateTimeOffset.UnixEpoch : new DateTimeOffset(ticks.ToArray().Max(), TimeSpan.Zero);
        return new AnalysisInput($"{format} file {Path.GetFileName(path)}", file.Orders, file.Customers, PurchasesOf(file, format), [], [], latest,
            new InputAccount(file.DataRows, file.InvalidRows, [.. file.Problems.Select(p => p.ToString())]));
    }

    // The member table is built from purchase events; an order file's rows become purchases with what the file
    // has (no line items, so no categories). OrderFile does not keep the currency: CDNOW is in US dollars, and a
    // CSV file's orders are marked XXX, the ISO 4217 code for "no currency".
    private static Purchase[] PurchasesOf(OrderFile file, string format)
    {
        const int NoCode = -1; // an order without a store or channel (OrderTable's code for none)
        var orders = file.Orders;
        var currency = format == "cdnow" ? "USD" : "XXX";
        var channels = orders.ChannelNames.Select(PurchaseChannel.FromName).ToArray();
        var purchases = new Purchase[orders.Count];
        for (var i = 0; i < purchases.Length; i++)
        {
            var store = orders.Stores[i];
            purchases[i] = new Purchase(
                string.Create(CultureInfo.InvariantCulture, $"row-{i + 1}"),
                file.Customers[orders.Persons[i]],
                new DateTimeOffset(orders.UtcTicks[i], TimeSpan.Zero),
                orders.Amounts[i],
                currency,
                orders.Channels[i] == NoCode ? PurchaseChannel.Web : channels[orders.Channels[i]])
            {
                StoreId = store == NoCode ? null : orders.StoreNames[store],
            };
        }

        return purchases;
    }
}
