using System.Globalization;

namespace LineCrm.Samples.Analysis;

/// <summary>The command line: what to analyse, in which time zone, and where reports go.</summary>
internal sealed record AnalysisArguments
{
    public const string Usage = """
        Usage: dotnet run --project samples/LineCrm.Samples.Analysis -- [options]

          (no options)            generate the deterministic demo population and analyse it
          --friends N             demo size in LINE friends (default 100000)
          --orders FILE           analyse an order file instead of the demo
          --format cdnow|csv      the order file's format (default: csv)
          --time-zone ID          calendar for days and months (default: Asia/Tokyo for the demo, UTC for files)
          --out DIR               where report.json and report.html go (default: ./reports)
          --help                  this text
        """;

    public int Friends { get; init; } = 100_000;

    public string? OrdersFile { get; init; }

    public string Format { get; init; } = "csv";

    public string? TimeZoneId { get; init; }

    public string OutputDirectory { get; init; } = "reports";

    public bool Help { get; init; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId ?? (OrdersFile is null ? "Asia/Tokyo" : "UTC"));

    /// <summary>Parses the arguments; on a mistake returns null and says what is wrong.</summary>
    public static AnalysisArguments? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var result = new AnalysisArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return result with { Help = true };
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error.WriteLine($"'{name}' needs a value, or is unknown.");
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--friends" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    result = result with { Friends = n };
                    break;
                case "--orders":
                    result = result with { OrdersFile = value };
                    break;
                case "--format" when value is "cdnow" or "csv":
                    result = result with { Format = value };
                    break;
                case "--time-zone" when TimeZoneInfo.TryFindSystemTimeZoneById(value, out _):
                    result = result with { TimeZoneId = value };
                    break;
                case "--out":
                    result = result with { OutputDirectory = value };
                    break;
                default:
                    error.WriteLine($"'{name} {value}' is not a valid option.");
                    return null;
            }
        }

        return result;
    }
}
