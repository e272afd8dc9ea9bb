using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Segmentation.Ingestion;

namespace LineCrm.Segmentation.Tests.Ingestion;

/// <summary>
/// The streaming readers and the table readers are one parser: on random valid files, the events of
/// <c>ReadEventsAsync</c> are the rows of <c>ReadAsync</c>'s table, in order, with the same customer, instant,
/// amount, channel, store and campaign, and with the currency and event id the generated row implies.
/// </summary>
public sealed class StreamingPropertyTests
{
    private static readonly TimeZoneInfo[] Zones =
        [TimeZoneInfo.Utc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), TimeZoneInfo.FindSystemTimeZoneById("America/New_York")];

    private static readonly string[] Optional = ["currency", "channel", "store_id", "campaign_id", "quantity"];

    /// <summary>One generated orders CSV row, as written (null: the column is absent or the field empty).</summary>
    public sealed record CsvRow(string OrderId, string Customer, string OrderedAt, string Amount, string? Currency, string? Channel,
        string? Store, string? Campaign, string? Quantity, bool Quoted);

    public sealed record CsvFile(string[] Columns, List<CsvRow> Rows, TimeZoneInfo Zone, string NewLine)
    {
        public override string ToString() => $"{Zone.Id}, {NewLine.Length}-character line ends:\n{Text()}";

        public string Text()
        {
            var text = new StringBuilder(string.Join(',', Columns.Select((c, i) => i % 2 == 0 ? c.ToUpperInvariant() : c)));
            foreach (var row in Rows)
            {
                text.Append(NewLine).AppendJoin(',', Columns.Select(c => Field(ValueOf(row, c), row.Quoted)));
            }

            return text.Append(NewLine).ToString();
        }

        private static string? ValueOf(CsvRow row, string column) => column switch
        {
            "order_id" => row.OrderId,
            "customer" => row.Customer,
            "ordered_at" => row.OrderedAt,
            "amount" => row.Amount,
            "currency" => row.Currency,
            "channel" => row.Channel,
            "store_id" => row.Store,
            "campaign_id" => row.Campaign,
            _ => row.Quantity,
        };

        private static string Field(string? value, bool quoted) => value is null ? string.Empty
            : quoted || value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
                ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : value;
    }

    private static Gen<CsvRow> CsvRowOf(int index, string currency, IReadOnlyList<string> columns) =>
        from suffix in Gen.Elements("", "-a", " b", "/é")
        from customer in Gen.Elements("web:M-", "store:CARD-")
        from person in Gen.Choose(1, 12)
        from day in Gen.Choose(0, 1200)
        from minute in Gen.Choose(0, 1439).Where(m => m / 60 != 2) // 02:00 to 02:59 is skipped in New York in March
        from second in Gen.Choose(0, 59)
        from format in Gen.Elements("yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'+09:00'",
            "yyyy-MM-dd'T'HH:mm:ss'-05:00'", "yyyy-MM-dd'T'HH:mm:ss'Z'")
        from units in Gen.Frequency((6, Gen.Choose(0, 5_000_000)), (1, Gen.Choose(-50_000, -1)))
        from scale in Gen.Choose(0, 3)
        from big in Gen.Frequency((30, Gen.Constant(false)), (1, Gen.Constant(true)))
        from noCurrency in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from channel in Gen.Elements<string?>(null, "web", "store", "app", "phone")
        from store in Gen.Elements<string?>(null, "shibuya", "umeda, east", "say \"hi\"")
        from campaign in Gen.Elements<string?>(null, "spring-26", "c,1")
        from quantity in Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Gen.Choose(1, 1000).Select(q => (string?)q.ToString(CultureInfo.InvariantCulture))))
        from quoted in Gen.Elements(false, true)
        select new CsvRow(
            string.Create(CultureInfo.InvariantCulture, $"O-{index}{suffix}"),
            string.Create(CultureInfo.InvariantCulture, $"{customer}{person}"),
            new DateTime(2024, 1, 1).AddDays(day).AddMinutes(minute).AddSeconds(second).ToString(format, CultureInfo.InvariantCulture),
            // The extremes the member table keeps exactly: a long of ten-thousandths.
            big ? (units < 0 ? "-922337203685477.5808" : "922337203685477.5807") : new decimal(Math.Abs(units), 0, 0, units < 0, (byte)scale).ToString(CultureInfo.InvariantCulture),
            columns.Contains("currency") && !noCurrency ? currency : null,
            columns.Contains("channel") ? channel : null,
            columns.Contains("store_id") ? store : null,
            columns.Contains("campaign_id") ? campaign : null,
            columns.Contains("quantity") ? quantity : null,
            quoted);

    private static Arbitrary<CsvFile> CsvFiles =>
        (from optional in Gen.SubListOf(Optional)
         from order in Gen.Shuffle(OrderCsvReader.RequiredColumns.Concat(optional))
         from currency in Gen.Elements("JPY", "usd", "TWD")
         from count in Gen.Choose(0, 40)
         from rows in Gen.CollectToList(Enumerable.Range(1, count).Select(i => CsvRowOf(i, currency, optional)))
         from zone in Gen.Elements(Zones)
         from newLine in Gen.Elements("\n", "\r\n")
         select new CsvFile([.. order], [.. rows], zone, newLine)).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Csv_events_are_the_rows_of_the_table_reader() => Prop.ForAll(CsvFiles, file =>
    {
        var token = TestContext.Current.CancellationToken;
        var options = EventStreams.Options(file.Zone);
        var problems = new ProblemList();
        var events = OrderCsvReader.ReadEventsAsync(new StringReader(file.Text()), options, problems, token).ToListAsync().GetAwaiter().GetResult();
        var table = OrderCsvReader.ReadAsync(new StringReader(file.Text()), options, token).GetAwaiter().GetResult();

        Assert.Empty(problems);
        Assert.Equal((file.Rows.Count, 0), (table.DataRows, table.InvalidRows));
        Assert.Equal(table.Orders.Count, events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var (row, purchase, orders) = (file.Rows[i], events[i].Purchase(), table.Orders);
            Assert.Equal("order:" + row.OrderId, events[i].Id.Value);
            Assert.Equal(row.OrderId, purchase.OrderId);
            Assert.Equal(table.Customers[orders.Persons[i]], purchase.Customer);
            Assert.Equal(row.Customer, purchase.Customer.ToString());
            Assert.Equal(orders.UtcTicks[i], purchase.At.UtcTicks);
            Assert.Equal(orders.Amounts[i], purchase.Amount);
            Assert.Equal(row.Currency?.ToUpperInvariant() ?? "XXX", purchase.Currency);
            Assert.Equal(NameOf(orders.Channels[i], orders.ChannelNames) ?? "web", purchase.Channel.Name);
            Assert.Equal(NameOf(orders.Stores[i], orders.StoreNames), purchase.StoreId);
            Assert.Equal(NameOf(orders.Campaigns[i], orders.CampaignNames), purchase.CampaignId);
            Assert.Equal(row.Quantity is null ? 0 : int.Parse(row.Quantity, CultureInfo.InvariantCulture), table.Quantities[i]);
        }
    });

    /// <summary>One generated CDNOW row, as written.</summary>
    public sealed record CdnowRow(string Customer, string Date, int Cds, string Dollars, string Separator);

    public sealed record CdnowFile(bool Header, List<CdnowRow> Rows, TimeZoneInfo Zone, string NewLine)
    {
        public override string ToString() => $"{Zone.Id}, {NewLine.Length}-character line ends:\n{Text()}";

        public string Text()
        {
            var text = new StringBuilder(Header ? "customer_id date number_of_cds dollar_value" + NewLine : string.Empty);
            foreach (var row in Rows)
            {
                text.AppendJoin(row.Separator, row.Customer, row.Date, row.Cds.ToString(CultureInfo.InvariantCulture), row.Dollars).Append(NewLine);
            }

            return text.ToString();
        }

        /// <summary>The documented id: customer, date, and the row's ordinal among the rows of that customer on that date.</summary>
        public string IdOf(int index) => string.Create(CultureInfo.InvariantCulture,
            $"cdnow:{Rows[index].Customer}:{Rows[index].Date}:{Rows.Take(index + 1).Count(r => r.Customer == Rows[index].Customer && r.Date == Rows[index].Date)}");
    }

    private static Gen<CdnowRow> CdnowRowGen =>
        from customer in Gen.Choose(1, 6)
        from day in Gen.Choose(0, 20) // few days, so a customer often buys twice on one day
        from cds in Gen.Choose(1, 12)
        from cents in Gen.Frequency((8, Gen.Choose(0, 50_000)), (1, Gen.Choose(-5_000, -1)))
        from separator in Gen.Elements(" ", "   ", "\t")
        select new CdnowRow(customer.ToString("D5", CultureInfo.InvariantCulture), new DateOnly(1997, 1, 1).AddDays(day).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            cds, (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture), separator);

    private static Arbitrary<CdnowFile> CdnowFiles =>
        (from header in Gen.Elements(false, true)
         from rows in Gen.ListOf(CdnowRowGen)
         from zone in Gen.Elements(Zones)
         from newLine in Gen.Elements("\n", "\r\n")
         select new CdnowFile(header, [.. rows], zone, newLine)).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Cdnow_events_are_the_rows_of_the_table_reader() => Prop.ForAll(CdnowFiles, file =>
    {
        var token = TestContext.Current.CancellationToken;
        var options = EventStreams.Options(file.Zone);
        var problems = new ProblemList();
        var events = CdnowReader.ReadEventsAsync(new StringReader(file.Text()), options, problems, token).ToListAsync().GetAwaiter().GetResult();
        var table = CdnowReader.ReadAsync(new StringReader(file.Text()), options, token).GetAwaiter().GetResult();

        Assert.Empty(problems);
        Assert.Equal((file.Rows.Count, 0), (table.DataRows, table.InvalidRows));
        Assert.Equal(table.Orders.Count, events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var (row, purchase, orders) = (file.Rows[i], events[i].Purchase(), table.Orders);
            Assert.Equal(file.IdOf(i), events[i].Id.Value);
            Assert.Equal(file.IdOf(i)["cdnow:".Length..], purchase.OrderId);
            Assert.Equal(table.Customers[orders.Persons[i]], purchase.Customer);
            Assert.Equal("cdnow:" + row.Customer, purchase.Customer.ToString());
            Assert.Equal(orders.UtcTicks[i], purchase.At.UtcTicks);
            Assert.Equal(orders.Amounts[i], purchase.Amount);
            Assert.Equal("USD", purchase.Currency);
            Assert.Equal(NameOf(orders.Channels[i], orders.ChannelNames), purchase.Channel.Name);
            Assert.Null(purchase.StoreId);
            Assert.Equal(row.Cds, table.Quantities[i]);
        }
    });

    private static string? NameOf(int code, IReadOnlyList<string> names) => code < 0 ? null : names[code];
}
