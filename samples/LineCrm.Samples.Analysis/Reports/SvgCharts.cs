using System.Globalization;
using System.Net;
using System.Text;

namespace LineCrm.Samples.Analysis.Reports;

/// <summary>Small inline SVG charts: no scripts, no CDN, readable when printed.</summary>
internal static class SvgCharts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public const string Blue = "#2f6fb3";
    public const string Green = "#06c755"; // LINE green
    public const string Grey = "#9aa5b1";

    /// <summary>Horizontal bars, one per row, with a label on the left and the value text on the right.</summary>
    public static string HorizontalBars(IReadOnlyList<(string Label, double Value, string Text)> rows, string color)
    {
        const int labelWidth = 150, barWidth = 460, rowHeight = 34, textWidth = 190;
        var max = Math.Max(1e-9, rows.Count == 0 ? 1 : rows.Max(r => r.Value));
        var svg = Open(labelWidth + barWidth + textWidth, (rows.Count * rowHeight) + 8);
        for (var i = 0; i < rows.Count; i++)
        {
            var y = (i * rowHeight) + 4;
            var w = Math.Max(1, barWidth * rows[i].Value / max);
            svg.Append(Invariant, $"<text x=\"{labelWidth - 8}\" y=\"{y + 20}\" text-anchor=\"end\">{Encode(rows[i].Label)}</text>");
            svg.Append(Invariant, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{w:F1}\" height=\"{rowHeight - 10}\" fill=\"{color}\" rx=\"3\"/>");
            svg.Append(Invariant, $"<text x=\"{labelWidth + w + 8:F1}\" y=\"{y + 20}\">{Encode(rows[i].Text)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Vertical bars with stacked parts (for one part, a plain bar chart), labels under every n-th bar.</summary>
    public static string Columns(IReadOnlyList<string> labels, IReadOnlyList<double[]> stacks, string[] colors, string[] legend, Func<double, string> format)
    {
        const int left = 70, bottom = 46, top = 28, height = 220;
        var slot = Math.Clamp(720.0 / Math.Max(1, labels.Count), 8, 48);
        var width = left + (slot * labels.Count) + 20;
        var ticks = AxisTicks.For(0, stacks.Count == 0 ? 0 : stacks.Max(s => s.Where(v => v > 0).Sum()));
        var max = ticks.High; // bars scale to the top tick, so a bar reaching a gridline has that value
        var svg = Open(width, top + height + bottom);
        foreach (var tick in ticks.Values)
        {
            var y = top + height - (height * tick / max);
            svg.Append(Invariant, $"<line x1=\"{left}\" x2=\"{width - 10:F0}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#e3e7eb\"/>");
            svg.Append(Invariant, $"<text x=\"{left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\" class=\"small tick\">{Encode(ticks.Label(tick))}</text>");
        }

        var every = Math.Max(1, (int)Math.Ceiling((labels.Count == 0 ? 0 : labels.Max(l => l.Length) * 6.5 + 6) / slot));
        for (var i = 0; i < labels.Count; i++)
        {
            var x = left + (i * slot);
            var baseY = top + height + 0.0;
            for (var part = 0; part < stacks[i].Length; part++)
            {
                var h = height * Math.Max(0, stacks[i][part]) / max;
                baseY -= h;
                svg.Append(Invariant, $"<rect x=\"{x + (slot * 0.12):F1}\" y=\"{baseY:F1}\" width=\"{slot * 0.76:F1}\" height=\"{h:F1}\" fill=\"{colors[part]}\">");
                svg.Append(Invariant, $"<title>{Encode(labels[i])} {Encode(legend[part])}: {Encode(format(stacks[i][part]))}</title></rect>");
            }

            if (i % every == 0)
            {
                svg.Append(Invariant, $"<text x=\"{x + (slot / 2):F1}\" y=\"{top + height + 16}\" text-anchor=\"middle\" class=\"small\">{Encode(labels[i])}</text>");
            }
        }

        for (var part = 0; part < legend.Length && legend.Length > 1; part++)
        {
            var x = left + (part * 140);
            svg.Append(Invariant, $"<rect x=\"{x}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{colors[part]}\"/><text x=\"{x + 18}\" y=\"17\" class=\"small\">{Encode(legend[part])}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A heat map: rows by columns, each cell shaded by its share (0..1) and showing its text.</summary>
    public static string HeatMap(IReadOnlyList<string> rowLabels, IReadOnlyList<(double? Share, string Text, string Title)[]> rows, IReadOnlyList<string> columnLabels)
    {
        const int left = 150, top = 26, cellHeight = 24;
        var cellWidth = Math.Clamp(760.0 / Math.Max(1, columnLabels.Count), 30, 56);
        var svg = Open(left + (cellWidth * columnLabels.Count) + 10, top + (cellHeight * rows.Count) + 6);
        for (var c = 0; c < columnLabels.Count; c++)
        {
            svg.Append(Invariant, $"<text x=\"{left + (c * cellWidth) + (cellWidth / 2):F1}\" y=\"{top - 8}\" text-anchor=\"middle\" class=\"small\">{Encode(columnLabels[c])}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = top + (r * cellHeight);
            svg.Append(Invariant, $"<text x=\"{left - 8}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"small\">{Encode(rowLabels[r])}</text>");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var (share, text, title) = rows[r][c];
                if (share is not { } s)
                {
                    continue;
                }

                // Square-root scale so the small later-month shares still show.
                var shade = Math.Sqrt(Math.Clamp(s, 0, 1));
                var fill = new Rgb((int)(240 - (193 * shade)), (int)(246 - (135 * shade)), (int)(252 - (73 * shade)));
                // Inline style, not the fill attribute: the page's CSS colours svg text, and CSS wins over attributes.
                var ink = Contrast.InkFor(fill);
                var x = left + (c * cellWidth);
                svg.Append(Invariant, $"<rect x=\"{x:F1}\" y=\"{y}\" width=\"{cellWidth - 2:F1}\" height=\"{cellHeight - 2}\" fill=\"{fill}\"><title>{Encode(title)}</title></rect>");
                svg.Append(Invariant, $"<text x=\"{x + ((cellWidth - 2) / 2):F1}\" y=\"{y + 15}\" text-anchor=\"middle\" class=\"cell\" style=\"fill:{ink}\">{Encode(text)}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Intervals on one axis, one row each: the interval as a bar, the estimate as a dot, a second value (the planted
    /// truth, say) as a diamond, and a line at zero.
    /// </summary>
    public static string Intervals(IReadOnlyList<(string Label, double Estimate, double Lower, double Upper, double Mark)> rows, Func<double, string> format)
    {
        const int labelWidth = 200, plotWidth = 520, rowHeight = 30, top = 8, bottom = 30;
        var values = rows.SelectMany(r => new[] { r.Lower, r.Upper, r.Mark, 0.0 }).ToArray();
        var ticks = AxisTicks.For(values.Min(), values.Max());
        double X(double v) => labelWidth + (plotWidth * (v - ticks.Low) / (ticks.High - ticks.Low));
        var height = top + (rows.Count * rowHeight) + bottom;
        var svg = Open(labelWidth + plotWidth + 60, height);
        foreach (var tick in ticks.Values)
        {
            svg.Append(Invariant, $"<line x1=\"{X(tick):F1}\" x2=\"{X(tick):F1}\" y1=\"{top}\" y2=\"{height - bottom}\" stroke=\"{(tick == 0 ? "#52606d" : "#e3e7eb")}\"/>");
            svg.Append(Invariant, $"<text x=\"{X(tick):F1}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" class=\"small tick\">{Encode(format(tick))}</text>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, estimate, lower, upper, mark) = rows[i];
            var y = top + (i * rowHeight) + (rowHeight / 2.0);
            svg.Append(Invariant, $"<text x=\"{labelWidth - 8}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{Encode(label)}</text>");
            svg.Append(Invariant, $"<line x1=\"{X(lower):F1}\" x2=\"{X(upper):F1}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"{Blue}\" stroke-width=\"6\" stroke-linecap=\"round\" opacity=\"0.45\">");
            svg.Append(Invariant, $"<title>{Encode(label)}: {Encode(format(estimate))} ({Encode(format(lower))} to {Encode(format(upper))})</title></line>");
            svg.Append(Invariant, $"<circle cx=\"{X(estimate):F1}\" cy=\"{y:F1}\" r=\"5\" fill=\"{Blue}\"/>");
            svg.Append(Invariant, $"<path d=\"M{X(mark):F1} {y - 7:F1} l6 7 l-6 7 l-6 -7 z\" fill=\"{Green}\"><title>planted {Encode(format(mark))}</title></path>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(double width, double height)
        => new StringBuilder().Append(Invariant,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:F0}\" height=\"{height:F0}\" viewBox=\"0 0 {width:F0} {height:F0}\" role=\"img\">");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
