using System.Text.RegularExpressions;
using LineCrm.Samples.Analysis.Reports;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

/// <summary>WCAG contrast of the report's colours: the formula on known pairs, then every text colour the page uses.</summary>
public sealed partial class ContrastTests(DemoReportTests.DemoRun run) : IClassFixture<DemoReportTests.DemoRun>
{
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#777777", "#ffffff", 4.48)] // the grey WCAG guidance cites as just failing AA
    [InlineData("#0000ff", "#ffffff", 8.59)]
    public void The_ratio_matches_WCAGs_published_values(string a, string b, double expected)
    {
        Assert.Equal(expected, Contrast.Ratio(Rgb.Parse(a), Rgb.Parse(b)), 2);
    }

    [Fact]
    public void Black_or_white_ink_reads_on_every_shade_the_heat_map_can_draw()
    {
        for (var r = 0; r <= 255; r += 5)
        {
            for (var g = 0; g <= 255; g += 5)
            {
                foreach (var b in (int[])[0, 64, 128, 192, 255])
                {
                    var fill = new Rgb(r, g, b);
                    Assert.True(Contrast.Ratio(fill, Rgb.Parse(Contrast.InkFor(fill))) >= Contrast.MinimumForText, $"{fill}");
                }
            }
        }
    }

    [Fact]
    public void Every_cohort_cell_of_the_report_has_text_at_least_four_and_a_half_to_one_on_its_fill()
    {
        var html = File.ReadAllText(run.Run.HtmlPath);
        var cells = CellPattern().Matches(html);

        Assert.NotEmpty(cells);
        foreach (Match cell in cells)
        {
            var (fill, ink) = (Rgb.Parse(cell.Groups["fill"].Value), Rgb.Parse(cell.Groups["ink"].Value));
            Assert.True(Contrast.Ratio(fill, ink) >= Contrast.MinimumForText, $"{cell.Groups["ink"].Value} on {fill}: {Contrast.Ratio(fill, ink):F2}:1");
        }
    }

    [Fact]
    public void Every_text_colour_of_the_pages_style_reads_on_its_white_background()
    {
        var style = StylePattern().Match(File.ReadAllText(run.Run.HtmlPath)).Groups[1].Value;
        var colours = TextColourPattern().Matches(style).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(colours);
        Assert.All(colours, c => Assert.True(Contrast.Ratio(Rgb.Parse(c), Rgb.White) >= Contrast.MinimumForText, $"{c} on white"));
    }

    [GeneratedRegex("""<rect [^>]*fill="(?<fill>rgb\([^)]*\))"><title>[^<]*</title></rect><text [^>]*class="cell" style="fill:(?<ink>#[0-9a-f]{6})">""")]
    private static partial Regex CellPattern();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StylePattern();

    [GeneratedRegex("(?:[^-]color|fill):(#[0-9a-fA-F]{3,6})")]
    private static partial Regex TextColourPattern();
}
