using System.Globalization;
using LineCrm.Events;
using LineCrm.Samples.Analysis.Demo;

// The main job of LineCrm: data -> identities -> segments -> funnel -> report.
// Today it generates the deterministic demo population and summarises it; the identity, segment and
// analytics steps join as their packages land (see docs/).
var friends = 100_000;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--friends" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
    {
        friends = n;
        i++;
    }
    else
    {
        Console.Error.WriteLine($"Unknown or malformed argument '{args[i]}'. Usage: LineCrm.Samples.Analysis [--friends N]");
        return 2;
    }
}

var population = DemoPopulation.Generate(friends);
var blocked = population.Interactions.Count(x => x.Kind == InteractionKind.Blocked);
var clickers = population.Interactions.Where(x => x.Kind == InteractionKind.Clicked).Select(x => x.Who).Distinct().Count();
var buyers = population.Purchases.Select(p => p.Customer).Distinct().Count();
var revenue = population.Purchases.Sum(p => p.Amount);

Console.WriteLine($"LineCrm demo population (seed 20261123), {population.Start:yyyy-MM-dd} to {population.End:yyyy-MM-dd}");
Console.WriteLine();
Console.WriteLine($"{"LINE friends",-28}{friends,12:N0}");
Console.WriteLine($"{"blocked the account",-28}{blocked,12:N0}");
Console.WriteLine($"{"clicked at least once",-28}{clickers,12:N0}");
Console.WriteLine($"{"identity links",-28}{population.Links.Count,12:N0}");
Console.WriteLine($"{"purchases",-28}{population.Purchases.Count,12:N0}");
Console.WriteLine($"{"  of which in stores",-28}{population.Purchases.Count(p => p.Channel == PurchaseChannel.Store),12:N0}");
Console.WriteLine($"{"buyers (by identifier)",-28}{buyers,12:N0}");
Console.WriteLine($"{"revenue (JPY)",-28}{revenue,12:N0}");
return 0;
