using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

/// <summary>
/// report.html as a browser shows it: headless chromium takes a screenshot (a real, full-size PNG) and dumps the DOM,
/// whose text must carry the figures of report.json from the same run.
/// </summary>
public sealed partial class ReportInBrowserTests(DemoReportTests.DemoRun run) : IClassFixture<DemoReportTests.DemoRun>, IDisposable
{
    private const int Width = 1200;
    private const int Height = 4600;
    private readonly string _scratch = Directory.CreateTempSubdirectory("linecrm-chromium-").FullName;

    private static CultureInfo Invariant => CultureInfo.InvariantCulture;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task The_screenshot_is_a_full_size_PNG_of_the_page()
    {
        var chromium = HeadlessChromium.Require();
        var png = Path.Combine(_scratch, "report.png");

        await HeadlessChromium.RunAsync(
            chromium, Path.Combine(_scratch, "profile"), [$"--screenshot={png}", $"--window-size={Width},{Height}"], run.Run.HtmlPath, TestContext.Current.CancellationToken);

        var bytes = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal((Width, Height), (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
        // A blank page of this size compresses to a few kilobytes; text, tables and charts take far more.
        Assert.True(bytes.Length > 100_000, $"The screenshot is only {bytes.Length:N0} bytes: is the page empty?");
        var keep = Environment.GetEnvironmentVariable("LINECRM_KEEP_SCREENSHOT");
        if (!string.IsNullOrEmpty(keep))
        {
            File.Copy(png, keep, overwrite: true);
        }
    }

    [Fact]
    public async Task The_rendered_page_carries_the_figures_of_report_json()
    {
        var chromium = HeadlessChromium.Require();

        var dom = await HeadlessChromium.RunAsync(chromium, Path.Combine(_scratch, "profile"), ["--dump-dom"], run.Run.HtmlPath, TestContext.Current.CancellationToken);

        var text = WebUtility.HtmlDecode(Tags().Replace(dom, " "));
        var report = run.Report;
        var funnel = report.GetProperty("funnel");
        var expected = new List<string>
        {
            report.GetProperty("customers").GetInt32().ToString("N0", Invariant),
            report.GetProperty("orders").GetInt32().ToString("N0", Invariant),
            report.GetProperty("revenue").GetDecimal().ToString("N0", Invariant),
            report.GetProperty("persons").GetInt32().ToString("N0", Invariant),
            funnel.GetProperty("friends").GetInt64().ToString("N0", Invariant),
            funnel.GetProperty("linked").GetInt64().ToString("N0", Invariant),
            funnel.GetProperty("firstPurchasers").GetInt64().ToString("N0", Invariant),
            funnel.GetProperty("repurchasers").GetInt64().ToString("N0", Invariant),
        };
        expected.AddRange(report.GetProperty("segments").EnumerateObject().Select(s => s.Value.GetProperty("members").GetInt32().ToString("N0", Invariant)));
        expected.AddRange(report.GetProperty("firstPurchasesByMonth").EnumerateObject()
            .Select(m => $"{m.Name} first purchases: {m.Value.GetInt32().ToString("N0", Invariant)}"));
        expected.AddRange(report.GetProperty("cohortRetention").EnumerateObject()
            .Select(c => $"{c.Name} +0: {c.Value[0].GetInt32().ToString("N0", Invariant)}"));

        var missing = expected.Where(figure => !text.Contains(figure, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Not on the rendered page: " + string.Join(" | ", missing));
        Assert.True(expected.Count > 10);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
